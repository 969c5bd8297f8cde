package io.yardstick.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md describes, enforced: a core that knows no HTTP and no command
 * line, and faces (the CLI and the server) that use the core's public API only, never an {@code
 * internal} package. Imported from this module's class path, which holds all three modules.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.yardstick");
  }

  @Test
  void faces_never_import_an_internal_package() {
    noClasses()
        .that()
        .resideInAnyPackage("io.yardstick.cli..", "io.yardstick.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.yardstick..internal..")
        .because(
            "faces parse, call the core's public API and format (STYLE.md); internals may change freely")
        .check(classes);
  }

  @Test
  void the_core_knows_no_http_and_no_command_line() {
    noClasses()
        .that()
        .resideInAPackage("io.yardstick..")
        .and()
        .resideOutsideOfPackages(
            "io.yardstick.cli..", "io.yardstick.server..", "io.yardstick.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.yardstick.cli..",
            "io.yardstick.server..",
            "io.javalin..",
            "picocli..",
            "jakarta.servlet..",
            "org.eclipse.jetty..")
        .check(classes);
  }
}
