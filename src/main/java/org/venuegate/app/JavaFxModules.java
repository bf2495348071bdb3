package org.venuegate.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.venuegate.deploy.Installation;

/**
 * Where JavaFX comes from. OpenJFX supports JavaFX only as named modules: loaded from the class path it is "an
 * unsupported configuration" and JavaFX 16+ warns so at start-up. The installers therefore jlink the javafx.* modules
 * into their runtime, and venuegate.jar does not carry JavaFX at all: {@code mvn package} puts this platform's modular
 * jars in the {@code javafx} folder beside it, and the launcher reruns the JVM with that folder on the module path for
 * the commands that open windows.
 */
final class JavaFxModules {
    /** What the application uses; javafx.base and javafx.graphics come with them. */
    static final String ADD_MODULES = "javafx.controls,javafx.fxml,javafx.swing";
    /** The folder beside the jar that holds the modular jars (target/javafx). */
    static final String FOLDER = "javafx";
    /** Set on a relaunched JVM, so that a broken module path can never relaunch again and again. */
    static final String RELAUNCHED_PROPERTY = "venuegate.javafx.relaunched";

    private static final Set<String> WINDOWED_COMMANDS = Set.of("demo", "kiosk", "review", "phone");

    private JavaFxModules() {
    }

    /** True when javafx.graphics is a named module of this JVM: jlinked into the runtime, or on --module-path. */
    static boolean named() {
        return ModuleLayer.boot().findModule("javafx.graphics").isPresent();
    }

    /** True when JavaFX classes can be loaded at all (from modules, or from the class path of an IDE run). */
    static boolean present() {
        try {
            Class.forName("javafx.application.Platform", false, JavaFxModules.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether the command line opens windows: the demo (also with no subcommand), the kiosk, review and the phone. */
    static boolean opensWindows(String[] args) {
        if (args.length == 0) {
            return true;
        }
        return WINDOWED_COMMANDS.contains(args[0]);
    }

    /** The javafx folder beside the running jar, when there is one. */
    static Optional<Path> besideJar() {
        return Installation.appDir().map(d -> d.resolve(FOLDER)).filter(Files::isDirectory);
    }

    /**
     * The JVM options a child JVM of this one needs to find JavaFX as modules: this JVM's own module path, or the
     * folder beside the jar; none when the runtime has JavaFX linked in (or JavaFX is nowhere to be found).
     */
    static List<String> childJvmOptions() {
        String modulePath = System.getProperty("jdk.module.path");
        if (named() && modulePath != null) {
            return List.of("--module-path", modulePath, "--add-modules", ADD_MODULES);
        }
        if (named()) {
            return List.of();
        }
        return besideJar().map(d -> List.of("--module-path", d.toString(), "--add-modules", ADD_MODULES)).orElse(List.of());
    }

    /** The folder to relaunch with, when this command opens windows and JavaFX is not yet a named module. */
    static Optional<Path> relaunchFolder(String[] args) {
        if (named() || Boolean.getBoolean(RELAUNCHED_PROPERTY) || !opensWindows(args)) {
            return Optional.empty();
        }
        return besideJar();
    }

    /** This JVM again (same java, options and class path) with JavaFX's modules from {@code folder}. */
    static List<String> relaunchCommand(Path folder, String[] args) {
        return relaunchCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), folder, System.getProperty("java.class.path"), args);
    }

    static List<String> relaunchCommand(Path java, List<String> jvmOptions, Path folder, String classPath, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("--module-path", folder.toString(), "--add-modules", ADD_MODULES,
                "-D" + RELAUNCHED_PROPERTY + "=true", "-cp", classPath, Launcher.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
