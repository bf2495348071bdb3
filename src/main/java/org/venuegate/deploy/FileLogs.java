package org.venuegate.deploy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Adds a rotating log file to the console log of an installed application: {@code DIR/NAME.log}, rolled daily and at
 * 10 MB into {@code NAME.yyyy-MM-dd.N.log.gz}, kept 14 days and never more than 100 MB in all.
 */
public final class FileLogs {
    public static final String APPENDER = "FILE";
    public static final FileSize MAX_FILE = FileSize.valueOf("10MB");
    public static final int MAX_DAYS = 14;
    public static final FileSize TOTAL_CAP = FileSize.valueOf("100MB");

    private FileLogs() {
    }

    /** Starts logging to {@code dir/name.log}; returns the file. Calling it again for the same context does nothing. */
    public static Path start(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Path file = dir.resolve(name + ".log");
        if (root.getAppender(APPENDER) != null) {
            return file;
        }
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(ctx);
        appender.setName(APPENDER);
        appender.setFile(file.toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(appender);
        policy.setFileNamePattern(dir.resolve(name + ".%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(MAX_FILE);
        policy.setMaxHistory(MAX_DAYS);
        policy.setTotalSizeCap(TOTAL_CAP);
        policy.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        return file;
    }

    /** Detaches and closes the file appender (tests). */
    public static void stop() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var a = root.getAppender(APPENDER);
        if (a != null) {
            root.detachAppender(a);
            a.stop();
        }
    }
}
