package io.gongkai.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The MariaDB/MySQL server everything runs against. */
final class Db {

    final String host;
    final int port;
    final String user;
    final String password;

    Db(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    String url(String database, String options) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + "?useUnicode=true&characterEncoding=utf8"
                + (options.isEmpty() ? "" : "&" + options);
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(url("", ""), user, password);
    }

    void recreate(String database) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
        }
    }

    String version() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The server settings that decide what a durable commit costs. */
    Map<String, String> durabilitySettings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SHOW VARIABLES WHERE Variable_name IN ('innodb_flush_log_at_trx_commit', 'sync_binlog', 'log_bin',"
                        + " 'innodb_buffer_pool_size', 'innodb_doublewrite', 'innodb_flush_method')")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        return settings;
    }
}
