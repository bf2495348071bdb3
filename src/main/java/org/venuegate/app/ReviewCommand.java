package org.venuegate.app;

import java.util.concurrent.Callable;
import org.venuegate.review.ReviewApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code venuegate review}: the district reviewer's workstation. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The district reviewer's workstation: the venue-code application queue and posters.")
final class ReviewCommand implements Callable<Integer> {
    @Option(names = "--hub", defaultValue = "http://localhost:8470", description = "Hub URL (default: ${DEFAULT-VALUE}).")
    String hub;

    @Option(names = "--lang", defaultValue = "zh-CN", description = "zh-CN or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        ReviewApp.launch(hub, lang);
        return 0;
    }
}
