package io.vidyut.mdm.database;

import java.nio.file.Path;

/** The server's own directory for files it must keep across restarts (embedded database, keys). */
public record DataDirectory(Path path) {}
