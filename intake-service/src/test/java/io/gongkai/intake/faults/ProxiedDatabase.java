package io.gongkai.intake.faults;

import io.gongkai.contracts.testing.CuttableProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.h2.tools.Server;

import java.util.Map;

/**
 * Puts the database behind a {@link CuttableProxy}: an H2 server in this JVM for the embedded runs, the MySQL
 * server when the tests run with the mysql profile.
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    static CuttableProxy proxy;
    private Server h2;

    @Override
    public Map<String, String> start() {
        try {
            if (System.getProperty("quarkus.test.profile", "").contains("mysql")) {
                proxy = new CuttableProxy(System.getProperty("gongkai.mysql.host", "127.0.0.1"),
                        Integer.getInteger("gongkai.mysql.port", 3306));
                return Map.of("gongkai.mysql.host", "127.0.0.1", "gongkai.mysql.port", String.valueOf(proxy.port()));
            }
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            proxy = new CuttableProxy("127.0.0.1", h2.getPort());
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:tcp://127.0.0.1:" + proxy.port()
                    + "/mem:faults;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (Exception ignored) {
            // best effort
        }
        if (h2 != null) {
            h2.stop();
        }
    }
}
