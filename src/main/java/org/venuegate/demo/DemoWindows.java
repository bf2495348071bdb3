package org.venuegate.demo;

import org.venuegate.kiosk.ui.KioskWindow;
import org.venuegate.ui.UiExecutor;

/** The phone window and the virtual camera that films it; filled in when the phone simulator lands. */
final class DemoWindows {
    private DemoWindows() {
    }

    static void openPhone(UiExecutor executor, DemoEnvironment env, KioskWindow kiosk) {
        // Until the phone simulator exists the kiosk reads codes from its keyboard-wedge input only.
    }
}
