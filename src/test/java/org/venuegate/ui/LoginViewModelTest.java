package org.venuegate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.venuegate.hub.TestHub;
import org.venuegate.review.ReviewHubClient;

/** The shared login speaks the screen's language about a refusal, never the hub's English. */
class LoginViewModelTest {
    @Test
    void aWrongPasswordAndAHubThatIsDownAreWordedInTheScreensLanguage() throws Exception {
        try (TestHub hub = new TestHub()) {
            ReviewHubClient client = new ReviewHubClient(new OkHttpClient(), hub.url);
            LoginViewModel zh = new LoginViewModel(client::login, new InlineUiExecutor(), () -> { }, Lang.of("zh-CN"));
            zh.usernameProperty().set("citizen");
            zh.passwordProperty().set("wrong-password");
            zh.login();
            assertThat(zh.errorProperty().get()).isEqualTo("用户名或密码不正确");
            LoginViewModel en = new LoginViewModel(client::login, new InlineUiExecutor(), () -> { }, Lang.of("en"));
            en.usernameProperty().set("citizen");
            en.passwordProperty().set("wrong-password");
            en.login();
            assertThat(en.errorProperty().get()).isEqualTo("Wrong user name or password");
        }
        ReviewHubClient nowhere = new ReviewHubClient(new OkHttpClient(), "http://127.0.0.1:9");
        LoginViewModel zh = new LoginViewModel(nowhere::login, new InlineUiExecutor(), () -> { }, Lang.of("zh-CN"));
        zh.usernameProperty().set("reviewer");
        zh.passwordProperty().set("whatever-1");
        zh.login();
        assertThat(zh.errorProperty().get()).startsWith("无法连接平台");
    }
}
