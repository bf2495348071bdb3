package org.venuegate.kiosk.ui;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.venuegate.kiosk.capture.Frame;
import org.venuegate.ui.Fxml;
import org.venuegate.ui.Lang;

/**
 * The bind step. Thin: binds to {@link BindVenueViewModel}; the code field has the focus so a wedge scanner types there.
 * The preview draws the frames the view model hands to the FX thread (grey, as the decoders see them).
 */
public final class BindVenueView {
    static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    @FXML
    Label title;
    @FXML
    Label paired;
    @FXML
    Label camera;
    @FXML
    javafx.scene.layout.StackPane previewPane;
    @FXML
    ImageView preview;
    @FXML
    Label previewNote;
    @FXML
    Button back;
    @FXML
    Button again;
    @FXML
    TextField code;
    @FXML
    Button submit;
    @FXML
    Label message;
    @FXML
    Button retry;
    @FXML
    Button cancel;
    @FXML
    Button finish;

    /** Luma bytes drawn through a 256-grey palette: no conversion of the frame. */
    private static final PixelFormat<java.nio.ByteBuffer> GREY = greyPalette();

    private BindVenueViewModel vm;
    private WritableImage image;

    public static Parent load(BindVenueViewModel vm, Lang lang) {
        BindVenueView view = new BindVenueView();
        view.vm = vm;
        return Fxml.load(view, lang);
    }

    @FXML
    void initialize() {
        title.setText(vm.title());
        paired.textProperty().bind(vm.pairedProperty());
        camera.textProperty().bind(vm.cameraProperty());
        code.textProperty().bindBidirectional(vm.typedProperty());
        // a keyboard-wedge scanner types the code and presses Enter
        code.setOnAction(e -> vm.submitTyped());
        submit.setOnAction(e -> vm.submitTyped());
        message.textProperty().bind(vm.messageProperty());
        retry.setOnAction(e -> vm.retry());
        cancel.setVisible(vm.cancellable());
        cancel.setManaged(vm.cancellable());
        cancel.setOnAction(e -> vm.cancel());
        finish.setText(vm.finishLabel());
        finish.setOnAction(e -> vm.finish());
        finish.disableProperty().bind(vm.boundProperty().not());
        submit.disableProperty().bind(vm.acceptingProperty().not());
        retry.disableProperty().bind(vm.acceptingProperty().not());
        code.disableProperty().bind(vm.acceptingProperty().not());
        boolean wizard = vm.inWizardMode();
        // the running kiosk's re-bind reads through the camera that is already scanning, which has no preview
        previewPane.setVisible(wizard);
        previewPane.setManaged(wizard);
        back.setVisible(wizard);
        back.setManaged(wizard);
        back.setOnAction(e -> vm.back());
        javafx.beans.binding.BooleanBinding boundInWizard = vm.stateProperty().isEqualTo(BindVenueViewModel.State.BOUND)
                .and(javafx.beans.binding.Bindings.createBooleanBinding(() -> wizard));
        again.visibleProperty().bind(boundInWizard);
        again.managedProperty().bind(boundInWizard);
        retry.visibleProperty().bind(boundInWizard.not());
        retry.managedProperty().bind(boundInWizard.not());
        again.setOnAction(e -> vm.bindAgain());
        previewNote.textProperty().bind(vm.previewNoteProperty());
        previewNote.visibleProperty().bind(vm.previewNoteProperty().isNotEmpty());
        vm.previewProperty().addListener((o, a, f) -> draw(f));
        draw(vm.previewProperty().get());
        vm.stateProperty().addListener((o, a, s) -> render(s));
        render(vm.stateProperty().get());
        code.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                Platform.runLater(code::requestFocus);
            }
        });
    }

    private void draw(Frame f) {
        if (f == null) {
            preview.setImage(null);
            return;
        }
        if (image == null || (int) image.getWidth() != f.width() || (int) image.getHeight() != f.height()) {
            image = new WritableImage(f.width(), f.height());
        }
        image.getPixelWriter().setPixels(0, 0, f.width(), f.height(), GREY, f.luma(), 0, f.width());
        preview.setImage(image);
    }

    private static PixelFormat<java.nio.ByteBuffer> greyPalette() {
        int[] argb = new int[256];
        for (int i = 0; i < 256; i++) {
            argb[i] = 0xff000000 | i << 16 | i << 8 | i;
        }
        return PixelFormat.createByteIndexedInstance(argb);
    }

    private void render(BindVenueViewModel.State s) {
        message.pseudoClassStateChanged(OK, s == BindVenueViewModel.State.BOUND);
        message.pseudoClassStateChanged(REFUSED, s == BindVenueViewModel.State.REFUSED);
        if (s == BindVenueViewModel.State.BOUND) {
            finish.requestFocus();
        }
    }
}
