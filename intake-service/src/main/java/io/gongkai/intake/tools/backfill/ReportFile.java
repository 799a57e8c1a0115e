package io.gongkai.intake.tools.backfill;

import java.nio.file.Path;

/**
 * A published report on disk.
 *
 * @param path      where it is
 * @param name      its path relative to the folder with / between names: how the mapping file and the summary name it
 * @param mediaType what it is sent as, without a charset so that intake reads the one the bytes or the page declare
 */
record ReportFile(Path path, String name, String mediaType) {
}
