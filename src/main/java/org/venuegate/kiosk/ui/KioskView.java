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
    static final PseudoClass HEALTH = PseudoClass.getPseudoClass("health");
    static final PseudoClass RESCAN = PseudoClass.getPseudoClass("rescan");
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    /** A tick inside a ring for pass. */
    static final String PASS_SYMBOL = "M50,0 A50,50 0 1,1 49.9,0 Z M50,10 A40,40 0 1,0 50.1,10 Z "
            + "M27,52 L36,43 L45,56 L68,30 L77,39 L45,72 Z";
    /** Health stop: a solid octagon with a cross cut out (the road-sign shape). */
    static final String HEALTH_SYMBOL = "M29,0 L71,0 L100,29 L100,71 L71,100 L29,100 L0,71 L0,29 Z "
            + "M30,39 L39,30 L50,41 L61,30 L70,39 L59,50 L70,61 L61,70 L50,59 L39,70 L30,61 L41,50 Z";
    /** Rescan: a circular arrow ("once more"). */
    static final String RESCAN_SYMBOL = "M78.3,16.3 A44,44 0 1,1 35.0,8.7 L40.1,22.7 A29,29 0 1,0 68.6,27.8 Z "
            + "M83.1,10.5 L55.1,13.9 L63.8,33.5 Z";
    /** Invalid: a warning triangle with an exclamation mark cut out ("call the supervisor"). */
    static final String INVALID_SYMBOL = "M50,2 L98,94 L2,94 Z M44,30 L56,30 L54,66 L46,66 Z M44,73 L56,73 L56,85 L44,85 Z";
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
    StackPane symbolBox;
    @FXML
    Label verdict;
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
        verdict.textProperty().bind(promptVm.verdictProperty());
        headline.textProperty().bind(promptVm.headlineProperty());
        headline.managedProperty().bind(headline.textProperty().isNotEmpty());
        headline.visibleProperty().bind(headline.managedProperty());
        // Everything scales with the screen: one base size on the root, the CSS sizes its parts in em.
        root.heightProperty().addListener((o, a, h) -> scale(h.doubleValue(), root.getWidth()));
        root.widthProperty().addListener((o, a, w) -> scale(root.getHeight(), w.doubleValue()));
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

    /** The em on the root is 2% of the screen height, so the verdict (5 em) is 10% at any resolution. */
    static double baseFontSize(double height) {
        return Math.max(8, height * 0.02);
    }

    private void scale(double height, double width) {
        if (height <= 0 || width <= 0) {
            return;
        }
        double em = baseFontSize(height);
        root.setStyle("-fx-font-size: " + String.format(java.util.Locale.ROOT, "%.2f", em) + "px;");
        // the symbol is drawn in a 100-unit box: make it 11 em tall
        double s = em * 11 / 100;
        symbol.setScaleX(s);
        symbol.setScaleY(s);
        symbolBox.setMinHeight(em * 12);
        symbolBox.setPrefHeight(em * 12);
        double textWidth = width * 0.9;
        verdict.setMaxWidth(textWidth);
        headline.setMaxWidth(textWidth);
        instruction.setMaxWidth(textWidth);
    }

    private void render(PromptState state) {
        prompt.pseudoClassStateChanged(PASS, state == PromptState.PASS);
        prompt.pseudoClassStateChanged(STOP, state.stop());
        prompt.pseudoClassStateChanged(HEALTH, state == PromptState.HEALTH);
        prompt.pseudoClassStateChanged(RESCAN, state == PromptState.RESCAN);
        prompt.pseudoClassStateChanged(INVALID, state == PromptState.INVALID);
        symbol.setContent(switch (state) {
            case PASS -> PASS_SYMBOL;
            case HEALTH -> HEALTH_SYMBOL;
            case RESCAN -> RESCAN_SYMBOL;
            case INVALID -> INVALID_SYMBOL;
            case IDLE -> IDLE_SYMBOL;
        });
        symbol.getStyleClass().setAll("symbol", "symbol-" + state.name().toLowerCase(java.util.Locale.ROOT));
    }
}
