package org.venuegate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class FileLogsTest {
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        FileLogs.stop();
    }

    @Test
    void logsGoToARotatingCappedFileInTheGivenFolder() throws Exception {
        Path logs = dir.resolve("state/venuegate/logs");
        Path file = FileLogs.start(logs, "kiosk");
        assertThat(file).isEqualTo(logs.resolve("kiosk.log"));
        LoggerFactory.getLogger(FileLogsTest.class).info("hello from the kiosk {}", 42);

        var root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = (RollingFileAppender<?>) root.getAppender(FileLogs.APPENDER);
        var policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
        assertThat(policy.getFileNamePattern()).isEqualTo(logs.resolve("kiosk.%d{yyyy-MM-dd}.%i.log.gz").toString());
        assertThat(policy.getMaxHistory()).isEqualTo(14);
        assertThat(FileLogs.TOTAL_CAP.getSize()).isEqualTo(100L * 1024 * 1024);
        assertThat(FileLogs.MAX_FILE.getSize()).isEqualTo(10L * 1024 * 1024);

        assertThat(Files.readString(file)).contains("INFO").contains("hello from the kiosk 42");
        // a second start (another subcommand path) adds no second appender
        FileLogs.start(logs, "kiosk");
        LoggerFactory.getLogger(FileLogsTest.class).info("once");
        assertThat(Files.readAllLines(file).stream().filter(l -> l.endsWith(" - once")).count()).isEqualTo(1);
    }
}
