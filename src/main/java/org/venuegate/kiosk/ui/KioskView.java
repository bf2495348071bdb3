package org.venuegate.kiosk.ui;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/** The kiosk screen. Thin: it binds to the ViewModels and picks the symbol for the state; no logic, no I/O. */
public final class KioskView {
    static final PseudoClass PASS = PseudoClass.getPseudoClass("pass");
    static final PseudoClass STOP = PseudoClass.getPseudoClass("stop");
    static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    /** A tick inside a ring for pass. */
    static final String PASS_SYMBOL = "M50,0 A50,50 0 1,1 49.9,0 Z M50,10 A40,40 0 1,0 50.1,10 Z "
            + "M27,52 L36,43 L45,56 L68,30 L77,39 L45,72 Z";
    /** A solid octagon with a cross cut out for stop (the road-sign shape). */
    static final String STOP_SYMBOL = "M29,0 L71,0 L100,29 L100,71 L71,100 L29,100 L0,71 L0,29 Z "
            + "M30,39 L39,30 L50,41 L61,30 L70,39 L59,50 L70,61 L61,70 L50,59 L39,70 L30,61 L41,50 Z";
    /** A phone outline while waiting. */
    static final String IDLE_SYMBOL = "M30,0 L70,0 Q78,0 78,8 L78,92 Q78,100 70,100 L30,100 Q22,100 22,92 L22,8 Q22,0 30,0 Z "
            + "M28,10 L28,86 L72,86 L72,10 Z M45,90 L55,90 L55,95 L45,95 Z";

    @FXML
    BorderPane root;
    @FXML
    StackPane prompt;
    @FXML
    SVGPath symbol;
    @FXML
    Label headline;
    @FXML
    Label instruction;
    @FXML
    Label person;
    @FXML
    Label marks;
    @FXML
    Label admission;
    @FXML
    Label venueLine;
    @FXML
    Label clockWarning;
    @FXML
    Label network;
    @FXML
    Label sync;
    @FXML
    Label trust;
    @FXML
    Label camera;

    private PromptViewModel promptVm;
    private StatusViewModel statusVm;

    public static Parent load(PromptViewModel prompt, StatusViewModel status, Lang lang) {
        KioskView view = new KioskView();
        view.promptVm = prompt;
        view.statusVm = status;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        headline.textProperty().bind(promptVm.headlineProperty());
        instruction.textProperty().bind(promptVm.instructionProperty());
        person.textProperty().bind(promptVm.personProperty());
        marks.textProperty().bind(promptVm.marksProperty());
        admission.textProperty().bind(promptVm.admissionProperty());
        venueLine.textProperty().bind(promptVm.venueLineProperty());
        promptVm.stateProperty().addListener((obs, old, now) -> render(now));
        render(promptVm.stateProperty().get());

        network.textProperty().bind(statusVm.networkProperty());
        sync.textProperty().bind(statusVm.syncProperty());
        trust.textProperty().bind(statusVm.trustProperty());
        camera.textProperty().bind(statusVm.cameraProperty());
        clockWarning.textProperty().bind(statusVm.clockWarningProperty());
        statusVm.onlineProperty().addListener((o, a, b) -> network.pseudoClassStateChanged(WARN, !b));
        statusVm.trustStaleProperty().addListener((o, a, b) -> trust.pseudoClassStateChanged(WARN, b));
        statusVm.cameraOkProperty().addListener((o, a, b) -> camera.pseudoClassStateChanged(WARN, !b));
        network.pseudoClassStateChanged(WARN, !statusVm.onlineProperty().get());
        trust.pseudoClassStateChanged(WARN, statusVm.trustStaleProperty().get());
        camera.pseudoClassStateChanged(WARN, !statusVm.cameraOkProperty().get());
    }

    private void render(PromptState state) {
        prompt.pseudoClassStateChanged(PASS, state == PromptState.PASS);
        prompt.pseudoClassStateChanged(STOP, state == PromptState.STOP);
        symbol.setContent(switch (state) {
            case PASS -> PASS_SYMBOL;
            case STOP -> STOP_SYMBOL;
            case IDLE -> IDLE_SYMBOL;
        });
        symbol.getStyleClass().setAll("symbol", "symbol-" + state.name().toLowerCase(java.util.Locale.ROOT));
    }
}
