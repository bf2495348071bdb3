package org.venuegate.arch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.venuegate.api.archviolation.UsesTheHub;
import org.venuegate.core.archviolation.UsesEmbeddedPostgres;
import org.venuegate.core.archviolation.UsesJavaFx;
import org.venuegate.review.archviolation.JsonReadingViewModel;

class ArchitectureRuleCanFailTest {
    @Test
    void coreImportingJavaFxIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.coreIsPlainJava.check(new ClassFileImporter().importClasses(UsesJavaFx.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("javafx.scene.paint.Color");
    }

    @Test
    void aViewModelReadingJsonIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.viewModelsReadRecordsNotJson.check(
                new ClassFileImporter().importClasses(JsonReadingViewModel.class, JsonReadingViewModel.Row.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("JsonReadingViewModel$Row")
                .hasMessageContaining("com.fasterxml.jackson.databind.JsonNode");
    }

    @Test
    void anApiRecordUsingTheHubIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.theApiIsPlainRecordsOnCore.check(new ClassFileImporter().importClasses(UsesTheHub.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.venuegate.hub.auth.Role");
    }

    @Test
    void mainCodeUsingATestLibraryIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.testLibrariesNeverShip.check(
                new ClassFileImporter().importClasses(UsesEmbeddedPostgres.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
    }
}
