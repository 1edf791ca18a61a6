package com.billingcenter.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's rules, read from the compiled classes of the three product modules (this module's
 * test class path holds them all): no package cycle, every package's role ({@code entity} → {@code
 * control} → {@code boundary} → {@code web}/{@code rest}) calls only downwards, the AWS SDK only in
 * {@code marketplace.aws}, the domain on the Jakarta APIs alone, and the sandbox nowhere.
 * Capabilities may call each other within a role and downwards. {@code marketplace.aws.*} is the
 * AWS adapter: control.
 */
class ArchitectureTest {

  private static final String PRODUCT = "com.billingcenter";

  private static JavaClasses product;

  @BeforeAll
  static void importProduct() {
    product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PRODUCT);
  }

  @Test
  void theProductIsReadWhole() {
    // A rule over no classes passes whatever the code does: make sure every module was read.
    for (String module :
        new String[] {
          "com.billingcenter.workspace.entity.Workspace",
          "com.billingcenter.workspace.boundary.Workspaces",
          "com.billingcenter.workspace.web.WorkspacesView"
        }) {
      product.get(module);
    }
  }

  @Test
  void noPackageIsInACycle() {
    slices()
        .matching(PRODUCT + ".(**)")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .check(product);
  }

  @Test
  void rolesOnlyCallDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("entity")
        .definedBy(PRODUCT + ".*.entity..")
        .layer("control")
        .definedBy(PRODUCT + ".*.control..", PRODUCT + ".marketplace.aws..")
        .layer("boundary")
        .definedBy(PRODUCT + ".*.boundary..")
        .layer("web")
        .definedBy(PRODUCT + ".*.web..", PRODUCT + ".*.rest..")
        .whereLayer("web")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("boundary")
        .mayOnlyBeAccessedByLayers("web")
        .whereLayer("control")
        .mayOnlyBeAccessedByLayers("boundary", "web")
        .whereLayer("entity")
        .mayOnlyBeAccessedByLayers("control", "boundary", "web")
        .check(product);
  }

  @Test
  void everyPackageHasARole() {
    noClasses()
        .should()
        .resideOutsideOfPackages(
            PRODUCT + ".*.entity..",
            PRODUCT + ".*.control..",
            PRODUCT + ".marketplace.aws..",
            PRODUCT + ".*.boundary..",
            PRODUCT + ".*.web..",
            PRODUCT + ".*.rest..")
        .because("every package is <capability>.<role>")
        .check(product);
  }

  @Test
  void theAwsSdkIsOnlyInTheAwsAdapter() {
    noClasses()
        .that()
        .resideOutsideOfPackage(PRODUCT + ".marketplace.aws..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .check(product);
  }

  @Test
  void theDomainStandsOnTheJakartaApisAlone() {
    noClasses()
        .that()
        .resideInAPackage(PRODUCT + ".*.entity..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "jakarta..", PRODUCT + ".*.entity..")
        .check(product);
  }

  @Test
  void theSandboxIsNowhereInTheProduct() {
    noClasses()
        .should()
        .resideInAPackage(PRODUCT + ".sandbox..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage(PRODUCT + ".sandbox..")
        .check(product);
  }
}
