package org.venuegate.app;

import java.util.concurrent.Callable;
import org.venuegate.phone.PhoneApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code venuegate phone}: a simulated citizen phone. */
@Command(name = "phone", mixinStandardHelpOptions = true,
        description = "A simulated citizen phone: the veiled and unveiled health code, scanning venue codes, applying for one.")
final class PhoneCommand implements Callable<Integer> {
    @Option(names = "--hub", defaultValue = "http://localhost:8470", description = "Hub URL (default: ${DEFAULT-VALUE}).")
    String hub;

    @Option(names = "--lang", defaultValue = "zh-CN", description = "zh-CN or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        PhoneApp.launch(hub, lang);
        return 0;
    }
}
