package io.gongkai.intake.tools.backfill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The published reports under a folder: every .txt, .htm and .html file at any depth, in the order of their names. */
final class ReportFiles {

    private ReportFiles() {
    }

    static List<ReportFile> under(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .flatMap(path -> mediaType(path).stream()
                            .map(type -> new ReportFile(path, name(folder, path), type)))
                    .sorted(Comparator.comparing(ReportFile::name))
                    .toList();
        }
    }

    /** The name a file has in the mapping file and the summary: relative to the folder, / between names. */
    static String name(Path folder, Path file) {
        Path relative = folder.relativize(file);
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }

    private static Optional<String> mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Optional.of("text/plain");
        }
        if (name.endsWith(".htm") || name.endsWith(".html")) {
            return Optional.of("text/html");
        }
        return Optional.empty();
    }
}
