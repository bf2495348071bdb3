package org.venuegate.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML (named after the view class, beside it) with the window's language and the given controller. */
public final class Fxml {
    private Fxml() {
    }

    public static Parent load(Object controller, Lang lang) {
        Class<?> type = controller.getClass();
        FXMLLoader loader = new FXMLLoader(type.getResource(type.getSimpleName() + ".fxml"), lang.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            // A missing or broken FXML file is a packaging bug, not something a user can fix.
            throw new UncheckedIOException("cannot load " + type.getSimpleName() + ".fxml", e);
        }
    }
}
