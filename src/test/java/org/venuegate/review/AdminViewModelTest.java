package org.venuegate.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.venuegate.hub.ApplicationService;
import org.venuegate.hub.TestHub;
import org.venuegate.ui.InlineUiExecutor;
import org.venuegate.ui.Lang;

class AdminViewModelTest {
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = new TestHub();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private AdminViewModel vm(String user) throws Exception {
        ReviewHubClient client = new ReviewHubClient(new OkHttpClient(), hub.url);
        client.login(user, "password-1");
        return new AdminViewModel(client, new InlineUiExecutor(), new Lang(Locale.ENGLISH));
    }

    @Test
    void dashboardCategoriesAndPairingCodes() throws Exception {
        long a = hub.submit("管理看板场所");
        hub.submit("管理看板场所二");
        long venue = hub.hub.applications().decide(hub.admin, a, new ApplicationService.Decision(ApplicationService.Verdict.PASS, null, 1))
                .application().venueId();
        AdminViewModel vm = vm("root-admin");
        vm.refresh();
        assertThat(vm.waitingProperty().get()).isEqualTo("1 waiting for review");
        assertThat(vm.decisionsToday()).containsExactly("root-admin: 1");
        assertThat(vm.medianProperty().get()).startsWith("Median time");

        vm.categoryCodeProperty().set("ESPORTS");
        vm.categoryZhProperty().set("电竞馆");
        vm.categoryEnProperty().set("E-sports hall");
        vm.addCategory();
        assertThat(vm.messageProperty().get()).isEqualTo("Category ESPORTS added");
        assertThat(vm.categoryCodeProperty().get()).isEmpty();
        vm.categoryCodeProperty().set("ESPORTS");
        vm.categoryZhProperty().set("电竞馆");
        vm.categoryEnProperty().set("E-sports hall");
        vm.addCategory();
        assertThat(vm.messageProperty().get()).contains("already exists");

        vm.pairingVenueIdProperty().set("abc");
        vm.createPairingCode();
        assertThat(vm.messageProperty().get()).isEqualTo("The venue id must be a number");
        vm.pairingVenueIdProperty().set(Long.toString(venue));
        vm.createPairingCode();
        assertThat(vm.messageProperty().get()).startsWith("Pairing code ").contains("single use");
    }
}
