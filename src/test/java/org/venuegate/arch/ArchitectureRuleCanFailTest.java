package org.venuegate.arch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.venuegate.core.archviolation.UsesEmbeddedPostgres;
import org.venuegate.core.archviolation.UsesJavaFx;

class ArchitectureRuleCanFailTest {
    @Test
    void coreImportingJavaFxIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.coreIsPlainJava.check(new ClassFileImporter().importClasses(UsesJavaFx.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("javafx.scene.paint.Color");
    }

    @Test
    void mainCodeUsingATestLibraryIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.testLibrariesNeverShip.check(
                new ClassFileImporter().importClasses(UsesEmbeddedPostgres.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
    }
}
