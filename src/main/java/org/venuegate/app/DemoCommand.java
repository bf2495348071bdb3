package org.venuegate.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.venuegate.demo.DemoApp;
import org.venuegate.demo.DemoEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code venuegate demo} (the default): the whole flow on one machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the hub on demo data and opens the phone, kiosk and review windows, signed in and paired.",
                "A second run reuses the data folder; --reset starts clean."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "demo-data", paramLabel = "DIR", description = "Demo data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--reset", description = "Delete the demo data folder first.")
    boolean reset;

    @Option(names = "--port", defaultValue = "0", description = "Hub port (default: a free one).")
    int port;

    @Option(names = "--camera-noise", defaultValue = "0", description = "Virtual camera sensor noise (0 none, 8 a cheap webcam).")
    double noise;

    @Option(names = "--camera-glare", description = "Add a glare spot to the virtual camera's frames.")
    boolean glare;

    @Option(names = "--camera-blur", defaultValue = "0", description = "Virtual camera blur radius in pixels (0 none, 1-2 slightly out of focus).")
    int blur;

    @Option(names = "--webcam", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
            description = "Feed the kiosk from a real webcam (the first one, or the one named) instead of the virtual camera.")
    String webcam;

    @Option(names = "--lang", defaultValue = "zh-CN", paramLabel = "zh-CN|en",
            description = "Language of every demo window and of the kiosk's voice (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        if (!lang.equals("zh-CN") && !lang.equals("en")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lang takes zh-CN or en, not '" + lang + "'");
        }
        try {
            DemoEnvironment env = DemoEnvironment.start(data, reset, port, new OkHttpClient(), lang);
            spec.commandLine().getOut().println("Demo hub on " + env.hubUrl + "/api/v1 (data in " + data.toAbsolutePath()
                    + "); users: reviewer-all, reviewer, tracer, citizen, citizen-yellow, citizen-red, demo-admin; password "
                    + org.venuegate.demo.DemoSeeder.PASSWORD);
            DemoApp.launch(env, noise, glare, blur, webcam, lang);
            return 0;
        } catch (Exception e) {
            spec.commandLine().getErr().println("venuegate demo: " + e.getMessage());
            return 1;
        }
    }
}
