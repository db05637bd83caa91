package org.compromiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.compromiso.engine.ProcessEndHook;
import org.compromiso.engine.TaskHook;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature package is an application module that may use only the modules its {@code package-info.java}
 * allows, with no cycles; the module diagrams in {@code docs/modules/} are the ones this code gives.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CompromisoApplication.class);
    static final Path COMMITTED = Path.of("docs", "modules");

    @Test
    void eachModuleUsesOnlyTheModulesItDeclares() {
        MODULES.verify();
    }

    @Test
    void onlyTheEngineHooksModuleListensToTheEnginesEvents() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.compromiso");
        var listeners = classes.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventListener.class))
                .filter(method -> method.getRawParameterTypes().stream().anyMatch(parameter ->
                        parameter.isAssignableTo(DelegateTask.class) || parameter.isAssignableTo(DelegateExecution.class)))
                .map(method -> method.getOwner().getName()).distinct().toList();
        assertThat(listeners).as("features react through TaskHook and ProcessEndHook").containsExactly(
                "org.compromiso.engine.EngineEvents");
    }

    @Test
    void theTaskHooksRunInTheOrderTheReadmeLists() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.compromiso");
        List<JavaClass> hooks = classes.stream().filter(type -> type.isAssignableTo(TaskHook.class) && !type.isInterface())
                .toList();
        assertThat(hooks).as("each hook states its place").allMatch(hook -> hook.isAnnotatedWith(Order.class));
        assertThat(hooks.stream().sorted(Comparator.comparingInt(hook -> hook.reflect().getAnnotation(Order.class).value()))
                .map(JavaClass::getSimpleName)).containsExactly(
                "TaskNaming", "TaskAudit", "CandidateGroupGrants", "DeadlineScheduler", "TaskDueDates",
                "TaskCompletionRecorder", "StepEvidence");
        assertThat(classes.stream().filter(type -> type.isAssignableTo(ProcessEndHook.class) && !type.isInterface())
                .map(JavaClass::getSimpleName)).containsExactly("ProcessEndRecorder");
    }

    @Test
    void theCommittedModuleDiagramsMatchTheCode() throws IOException {
        Path generated = Path.of("target", "modules");
        document(generated);
        if (Boolean.getBoolean("modules.write")) {
            rewriteChanged(generated);
        }
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Path committed = COMMITTED.resolve(file.getFileName());
                assertThat(committed).as("%s is committed (./mvnw test -Dtest=ModularityTests -Dmodules.write=true)",
                        committed).exists();
                // the generator lists modules and relations in no fixed order: the same lines make the same diagram
                assertThat(Files.readAllLines(committed)).as("%s matches the code (regenerate: "
                        + "./mvnw test -Dtest=ModularityTests -Dmodules.write=true)", committed)
                        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(file));
            }
        }
    }

    /** Copies the diagrams whose lines changed: the generator's order of lines alone changes from run to run. */
    private static void rewriteChanged(Path generated) throws IOException {
        Files.createDirectories(COMMITTED);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Path committed = COMMITTED.resolve(file.getFileName());
                if (!Files.exists(committed) || !Files.readAllLines(committed).stream().sorted().toList()
                        .equals(Files.readAllLines(file).stream().sorted().toList())) {
                    Files.copy(file, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void document(Path folder) {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
