package org.venuegate.review;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.venuegate.ui.Lang;

/**
 * What every back-office screen's view model shares: the banner, the busy flag, and the expired session the window
 * answers by asking for the password again.
 */
public abstract class BackOfficeViewModel {
    protected final Lang lang;
    protected final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    protected final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    protected final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(false);

    protected BackOfficeViewModel(Lang lang) {
        this.lang = lang;
    }

    /** A call to the hub failed: not busy any more, the session flagged if it expired, the reason in words. */
    protected void failed(Throwable e) {
        busy.set(false);
        sessionExpired.set(BackOffice.expired(e));
        banner.set(BackOffice.error(lang, e));
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** The hub no longer knows this session: the window asks for the password again; nothing typed is lost. */
    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    /** After a new login: the banner about the expired session goes. */
    public void sessionRenewed() {
        sessionExpired.set(false);
        banner.set("");
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
