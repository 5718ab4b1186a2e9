package org.seqcast.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/architecture.md, and the rule that every score is computed by the
 * historical-forecasts engine: no package above {@code backtest} computes baselines or metrics itself.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.seqcast");

    @Test
    void packagesDependOnlyOnTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("root").definedBy("org.seqcast")
                .layer("io").definedBy("org.seqcast.io..")
                .layer("config").definedBy("org.seqcast.config..")
                .layer("data").definedBy("org.seqcast.data..")
                .layer("window").definedBy("org.seqcast.window..")
                .layer("transform").definedBy("org.seqcast.transform..")
                .layer("model").definedBy("org.seqcast.model..")
                .layer("eval").definedBy("org.seqcast.eval..")
                .layer("forecast").definedBy("org.seqcast.forecast..")
                .layer("backtest").definedBy("org.seqcast.backtest..")
                .layer("train").definedBy("org.seqcast.train..")
                .layer("store").definedBy("org.seqcast.store..")
                .layer("batch").definedBy("org.seqcast.batch..")
                .layer("plot").definedBy("org.seqcast.plot..")
                .layer("cli").definedBy("org.seqcast.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("plot").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("batch").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("batch", "plot", "cli")
                .whereLayer("train").mayOnlyBeAccessedByLayers("store", "batch", "plot", "cli")
                .whereLayer("backtest").mayOnlyBeAccessedByLayers("train", "store", "batch", "plot", "cli")
                .whereLayer("forecast").mayOnlyBeAccessedByLayers("backtest", "train", "store", "batch", "plot", "cli")
                .whereLayer("eval").mayOnlyBeAccessedByLayers("forecast", "backtest", "train", "store", "batch", "plot", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("eval", "forecast", "backtest", "train", "store", "batch", "plot", "cli")
                .whereLayer("transform").mayOnlyBeAccessedByLayers("model", "eval", "forecast", "backtest", "train", "store", "batch", "plot",
                        "cli")
                .whereLayer("window").mayOnlyBeAccessedByLayers("transform", "model", "eval", "forecast", "backtest", "train", "store", "batch",
                        "plot", "cli")
                .whereLayer("data").mayOnlyBeAccessedByLayers("window", "transform", "model", "eval", "forecast", "backtest", "train", "store",
                        "batch", "plot", "cli")
                .whereLayer("config").mayOnlyBeAccessedByLayers("data", "window", "transform", "model", "eval", "forecast", "backtest", "train",
                        "store", "batch", "plot", "cli")
                .check(MAIN);
    }

    @Test
    void onlyTheBacktestEngineForecastsWithBaselines() {
        noClasses().that().resideOutsideOfPackages("org.seqcast.eval..", "org.seqcast.backtest..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.seqcast.eval.Baselines")
                .because("baselines are forecasting methods scored by backtest.HistoricalForecasts, never computed beside it")
                .check(MAIN);
    }

    @Test
    void scoresAreComputedOnlyByTheBacktestEngine() {
        DescribedPredicate<JavaMethodCall> scoring = new DescribedPredicate<>("an error measure of eval.Metrics or Scores.of") {
            @Override
            public boolean test(JavaMethodCall c) {
                String owner = c.getTargetOwner().getName();
                return (owner.equals("org.seqcast.eval.Metrics") && !c.getName().equals("maseScale"))
                        || (owner.equals("org.seqcast.eval.Scores") && c.getName().equals("of"));
            }
        };
        noClasses().that().resideOutsideOfPackages("org.seqcast.eval..", "org.seqcast.backtest..")
                .should().callMethodWhere(scoring)
                .because("every score goes through backtest.Backtest.score over historical forecasts")
                .check(MAIN);
    }
}
