package org.venuegate.app;

import java.util.concurrent.Callable;
import org.venuegate.deploy.AppDirs;
import org.venuegate.deploy.Installation;
import org.venuegate.review.ReviewApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code venuegate review}: the district reviewer's workstation. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The district reviewer's workstation: the venue-code application queue and posters.")
final class ReviewCommand implements Callable<Integer> {
    @Option(names = "--hub", defaultValue = "http://localhost:8470", description = "Hub URL (default: ${DEFAULT-VALUE}).")
    String hub;

    @Option(names = "--lang", defaultValue = "zh-CN", description = "zh-CN or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (Installation.installed()) {
            KioskCommand.startFileLog(AppDirs.current(), "review", spec.commandLine().getErr());
        }
        ReviewApp.launch(hub, lang);
        return 0;
    }
}
