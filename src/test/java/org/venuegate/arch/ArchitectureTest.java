package org.venuegate.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The layering, pinned from the start: core is plain Java that everything else builds on; the API's records
 * ({@code org.venuegate.api}) sit on core and are shared by the hub and its clients; the hub and the poster renderer
 * never pull in JavaFX; only the launcher writes to the console.
 */
@AnalyzeClasses(packages = "org.venuegate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreIsPlainJava = noClasses().that().resideInAPackage("org.venuegate.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "okhttp3..", "com.github.sarxos..", "io.javalin..", "org.eclipse.jetty..",
                    "java.awt..", "javax.imageio..", "javax.swing..", "java.sql..", "org.apache.pdfbox..",
                    "com.fazecast..", "org.jcodec..")
            .because("core holds formats, crypto, verification and decisions, testable without UI, network, camera or disk drivers");

    @ArchTest
    static final ArchRule coreDependsOnNothingAboveIt = noClasses().that().resideInAPackage("org.venuegate.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.venuegate.app..", "org.venuegate.api..", "org.venuegate.kiosk..", "org.venuegate.review..", "org.venuegate.hub..",
                    "org.venuegate.phone..", "org.venuegate.demo..", "org.venuegate.ui..", "org.venuegate.poster..",
                    "org.venuegate.qr..");

    @ArchTest
    static final ArchRule theApiIsPlainRecordsOnCore = classes().that().resideInAPackage("org.venuegate.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.venuegate.api..", "org.venuegate.core..", "java..",
                    "com.fasterxml.jackson.annotation..")
            .because("the hub and every client share these records, so they may not drag in the hub, a screen, the kiosk,"
                    + " an HTTP library or JavaFX");

    @ArchTest
    static final ArchRule viewModelsReadRecordsNotJson = noClasses().that().resideInAnyPackage("org.venuegate.review..",
                    "org.venuegate.phone..").and().haveNameMatching(".*ViewModel(\\$.*)?")
            .should().dependOnClassesThat().areAssignableTo(JsonNode.class)
            .because("view models read the typed records of org.venuegate.api; raw JSON fields are how enum names reached"
                    + " the screens");

    @ArchTest
    static final ArchRule clientsKnowTheHubOnlyByItsApi = noClasses().that().resideInAnyPackage("org.venuegate.review..",
                    "org.venuegate.phone..", "org.venuegate.client..", "org.venuegate.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.venuegate.hub..")
            .because("the workstation and the phone talk to the hub over HTTP in the records of org.venuegate.api");

    @ArchTest
    static final ArchRule hubAndPosterNeverUseJavaFx = noClasses().that().resideInAnyPackage("org.venuegate.hub..", "org.venuegate.poster..", "org.venuegate.qr..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule kioskBackEndNeverUsesJavaFx = noClasses().that().resideInAnyPackage(
                    "org.venuegate.kiosk.capture..", "org.venuegate.kiosk.decode..", "org.venuegate.kiosk.journal..",
                    "org.venuegate.kiosk.sync..", "org.venuegate.kiosk.config..", "org.venuegate.kiosk.setup..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the kiosk's data path runs off the FX thread and is tested without a screen");

    @ArchTest
    static final ArchRule deviceLibrariesStayInCapture = noClasses().that()
            .resideOutsideOfPackages("org.venuegate.kiosk.capture..", "org.venuegate.kiosk.gate..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..", "org.jcodec..", "com.github.sarxos..")
            .because("the serial port, the video decoder and the webcam sit behind FrameSource/CodeSource (and the relay"
                    + " behind GateOutput), so the rest is tested without them");

    @ArchTest
    static final ArchRule theHeadlessKioskHasNoScreen = noClasses().that().resideInAnyPackage("org.venuegate.kiosk.headless..",
                    "org.venuegate.kiosk.gate..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("a turnstile kiosk runs without a display");

    @ArchTest
    static final ArchRule screensNeverTouchHubStorage = noClasses().that().resideInAnyPackage(
                    "org.venuegate.kiosk..", "org.venuegate.review..", "org.venuegate.phone..", "org.venuegate.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.venuegate.hub.store..")
            .allowEmptyShould(true); // the screens arrive with later milestones

    @ArchTest
    static final ArchRule onlyTheLauncherWritesToTheConsole = noClasses().that().doNotHaveFullyQualifiedName("org.venuegate.app.Launcher")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule testLibrariesNeverShip = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "io.zonky..", "org.junit..", "org.testfx..", "org.assertj..", "mockwebserver3..", "com.tngtech.archunit..",
                    "org.hamcrest..")
            .because("they are test-scoped and not in venuegate.jar; the one test-only service the product can use, the"
                    + " ingest bench's throwaway PostgreSQL, is found through ServiceLoader (ThrowawayPostgres)");

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
}
