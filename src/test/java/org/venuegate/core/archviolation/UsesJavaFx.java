package org.venuegate.core.archviolation;

/** Deliberately breaks the layering (test sources only) to prove the architecture rule can fail. */
public final class UsesJavaFx {
    public javafx.scene.paint.Color colour() {
        return javafx.scene.paint.Color.GREEN;
    }
}
