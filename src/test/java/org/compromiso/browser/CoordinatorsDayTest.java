package org.compromiso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.compromiso.CompromisoTest;
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What coordinators and leadership do in their browsers, in a real Chromium against the service on a random
 * port with the demo catalog: Tasklist, the report page and the mail page. A test that moves a process on
 * registers a commitment of its own, so the demo's stay as other test classes read them, in any order.
 */
@CompromisoTest
class CoordinatorsDayTest {

    private static final String DARIEN = "MXUS-2401-DARIEN-VISIT";
    // SRE's account speaks Spanish: its forms take dates day first, dd/mm/aaaa (issue 19)
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.forLanguageTag("es"));

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    CommitmentRegistry registry;
    @Autowired
    ObjectMapper json;

    @Test
    void sreProposesDatesWithEvidenceAndPanamaSignsInFromTheMailSeesThemWithItsOwnEvidenceEmptyAndAccepts()
            throws Exception {
        String visit = "BROWSER-DARIEN-" + System.nanoTime() % 100_000;
        registry.register(new NewCommitment(visit, "MX-US-2024-01-19", "Carry out a joint visit to the Darién with Panama",
                null, "darien-joint-visit", Map.of("MX", "sre", "US", "state", "PA", "pamire"), List.of(),
                LocalDate.now().plusMonths(6), null, false, "normal", new NewCommitment.Provenance(
                        "001_ae9539afecd76ba5.txt",
                        "Mexico and the United States agreed to carry out a joint visit to Darién.", "en")),
                new Actor("deskOfficer", "api"));
        Task proposal = openTask(visit, "Task_ProposeVisitDates");
        Page sre = logIn("sreCoordinator");
        // other classes may have given SRE sooner tasks: the coordinator searches by the commitment's code
        sre.navigate(url("/camunda/app/tasklist/default/#/?searchQuery=" + URLEncoder.encode("""
                [{"type":"processInstanceBusinessKey","operator":"eq","value":"%s","name":""}]""".formatted(visit),
                StandardCharsets.UTF_8)));

        Locator card = taskCard(sre, proposal);
        assertThat(sre.locator("li.task")).hasCount(1);
        // SRE's account speaks Spanish (issue 19): Tasklist and the task's name are in Spanish
        assertThat(card).containsText(visit + " · Carry out a joint visit to the Darién with Panama — Proponer fechas de la visita");
        assertThat(card).containsText("Joint visit to the Darién");
        assertThat(card.locator(".due-date")).containsText("Vencimiento");
        chromium.screenshotForReadme(sre, "sre-task-list");

        card.locator("h4.task a").click();
        // the header above the form says what the task is about, in SRE's Spanish
        Locator sreContext = sre.locator(".compromiso-task-context");
        assertThat(sreContext).containsText(visit);
        assertThat(sreContext).containsText("Carry out a joint visit to the Darién with Panama");
        assertThat(sreContext).containsText("agreed to carry out a joint visit to Darién");
        assertThat(sreContext).containsText("Secretaría de Relaciones Exteriores");
        // what the step is for, in SRE's Spanish, above the form and in Tasklist's Description tab
        assertThat(sreContext).containsText("Proponga a Panamá un periodo");
        // SRE's Tasklist speaks Spanish: its tabs read Descripción and Formulario
        sre.locator(".task-details .nav-tabs a").filter(new Locator.FilterOptions().setHasText("Descripción")).click();
        assertThat(sre.locator(".description-pane")).containsText("Proponga a Panamá un periodo");
        sre.locator(".task-details .nav-tabs a").filter(new Locator.FilterOptions().setHasText("Formulario")).click();
        sre.locator("button.claim").click();
        // the claim renders the form again: what was typed before that is lost
        assertThat(sre.locator("button.claim")).hasCount(0);
        // the proposed window must lie ahead (the form says so)
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).plusMonths(3);
        fill(sre, "Primer día propuesto", firstDay.format(DAY_FIRST));
        fill(sre, "Último día propuesto", firstDay.plusDays(4).format(DAY_FIRST));
        fill(sre, "Nota para Panamá", "Metetí and Lajas Blancas reception stations");
        fill(sre, "Enlace a la evidencia (URL)", "https://www.gob.mx/sre/prensa/darien-visit-proposal");
        fill(sre, "Nota de evidencia", "Diplomatic note SRE-0042 to Panama's foreign ministry");
        chromium.screenshot(sre, "2-form-filled");
        sre.locator("button:has-text('Completar')").click();
        assertThat(card).hasCount(0);

        Task confirmation = openTask(visit, "Task_ConfirmPanamaParticipation");
        String link = reminderLink("pamireCoordinator", visit, confirmation);
        // Panama is signed out when it reads the mail: the link goes through sign-in to its task
        Page panama = chromium.newPage();
        panama.navigate(link);
        panama.locator("#username").fill("pamireCoordinator");
        panama.locator("#password").fill("demo");
        panama.locator("button[type=submit]").click();
        panama.waitForURL(Pattern.compile(".*/camunda/app/tasklist/.*task=" + confirmation.getId() + ".*"));
        assertThat(panama.locator(".task-details h2").first()).containsText("Confirmar la participación de Panamá");

        Locator context = panama.locator(".compromiso-task-context");
        assertThat(context).containsText(visit);
        assertThat(context).containsText("Lo acordado");
        assertThat(context).containsText("Ministerio de Relaciones Exteriores de Panamá");
        Locator sresAnswer = context.locator(".compromiso-answer[data-task='Task_ProposeVisitDates']");
        assertThat(sresAnswer).containsText(SPANISH_DATE.format(firstDay));
        assertThat(sresAnswer).containsText(SPANISH_DATE.format(firstDay.plusDays(4)));
        assertThat(sresAnswer).containsText("Metetí and Lajas Blancas reception stations");
        assertThat(sresAnswer).containsText("Diplomatic note SRE-0042");

        panama.locator("button.claim").click();
        // claimed: Tasklist names the assignee and loads the form again, now to be filled
        assertThat(panama.locator("button.claim")).hasCount(0);
        assertThat(panama.locator(".compromiso-task-context")).containsText("Metetí");
        assertThat(field(panama, "Enlace a la evidencia (URL)")).isEditable();
        assertThat(field(panama, "Enlace a la evidencia (URL)")).hasValue("");
        assertThat(field(panama, "Nota de evidencia")).hasValue("");
        chromium.screenshotForReadme(panama, "panama-sees-sre-proposal");
        field(panama, "Nota de evidencia").scrollIntoViewIfNeeded();
        chromium.screenshot(panama, "panama-own-evidence-empty");

        panama.getByLabel("Sí", new Page.GetByLabelOptions().setExact(true)).check();
        fill(panama, "Primer día de la visita", firstDay.format(DAY_FIRST));
        fill(panama, "Comentario de Panamá", "Panamá participa con SENAFRONT");
        panama.locator("button:has-text('Completar')").click();
        assertThat(taskCard(panama, confirmation)).hasCount(0);

        await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(visit)
                .taskDefinitionKey("Task_ConfirmPanamanianDelegation").count() == 1);
        JsonNode proposed = historyEntry(sre, visit, "Task_ProposeVisitDates");
        assertThat(proposed.at("/actor").asText()).isEqualTo("sreCoordinator");
        assertThat(proposed.at("/detail/agency").asText()).isEqualTo("sre");
        assertThat(proposed.at("/detail/values/evidenceLink").asText())
                .isEqualTo("https://www.gob.mx/sre/prensa/darien-visit-proposal");
        JsonNode accepted = historyEntry(logIn("deskOfficer"), visit, "Task_ConfirmPanamaParticipation");
        assertThat(accepted.at("/detail/agency").asText()).isEqualTo("pamire");
        assertThat(accepted.at("/detail/values/panamaAgrees").asText()).isEqualTo("yes");
        assertThat(accepted.at("/detail/values").has("evidenceLink")).as("SRE's evidence re-submitted as Panama's")
                .isFalse();
    }

    @Test
    void gsaCoordinatorSeesNoSreTaskInAnyFilter() throws Exception {
        List<String> sreTasks = tasks.createTaskQuery().taskCandidateGroup("sre").list().stream()
                .map(Task::getId).toList();
        assertThat(sreTasks).isNotEmpty();
        Page gsa = logIn("gsaCoordinator");
        gsa.navigate(url("/camunda/app/tasklist/"));
        Locator filterList = gsa.locator(".task-filters .task-filter");
        assertThat(filterList.first()).hasClass(Pattern.compile("active"));
        int count = filterList.count();
        assertThat(count).as("filters").isGreaterThanOrEqualTo(4);

        // the first filter is open already; visit the others, then come back to it
        for (int i = 1; i <= count; i++) {
            Locator filter = filterList.nth(i % count);
            String name = filter.locator("h4.name a").innerText().replaceAll("\\(?\\d+\\)?\\s*$", "").strip();
            String filterId = filters.createFilterQuery().filterName(name).singleResult().getId();
            var list = gsa.waitForResponse(response -> response.url().contains("/filter/" + filterId + "/list"),
                    () -> filter.locator("h4.name a").click());
            int listed = json.readTree(list.body()).at("/_embedded/task").size();
            assertThat(gsa.locator("li.task")).hasCount(listed);
            List<String> shown = gsa.locator("li.task h4.task a").all().stream()
                    .map(link -> link.getAttribute("href").replace("#/?task=", "")).toList();
            assertThat(shown).as("tasks in '" + name + "'").doesNotContainAnyElementsOf(sreTasks);
        }
        assertThat(gsa.locator("li.task").filter(new Locator.FilterOptions().setHasText("Otay II")).first())
                .isVisible();
        chromium.screenshot(gsa, "1-own-tasks-only");

        gsa.navigate(url("/camunda/app/tasklist/default/#/?task=" + sreTasks.get(0)));
        assertThat(gsa.locator(".alert-danger").filter(new Locator.FilterOptions().setHasText("No matching task"))
                .first()).isVisible();
        assertThat(gsa.locator("button.claim")).hasCount(0);
        chromium.screenshot(gsa, "2-sre-task-refused");
    }

    @Test
    void leadershipFiltersTheReportByAgencySeesColoursAndTrendAndDownloadsThePdf() {
        Page leadership = logIn("leadershipReader");
        leadership.navigate(url("/reports/status"));
        assertThat(leadership.locator("svg").first()).isVisible();

        leadership.locator("select[name=agency]").selectOption("gsa");
        leadership.locator("form.filters button[type=submit]").click();
        leadership.waitForURL(Pattern.compile(".*agency=gsa.*"));
        assertThat(leadership.locator("select[name=agency]")).hasValue("gsa");
        assertThat(leadership.locator("body")).containsText("MXUS-2401-OTAY-II");
        assertThat(leadership.locator("body")).not().containsText(DARIEN);
        Locator badge = leadership.locator("span.badge").first();
        assertThat(badge).isVisible();
        String colour = (String) badge.evaluate("element => getComputedStyle(element).backgroundColor");
        assertThat(colour).as("status colour").isNotIn("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)");
        assertThat(leadership.locator("svg").first()).isVisible();
        chromium.screenshot(leadership, "report-gsa");

        var pdf = leadership.waitForResponse(response -> response.url().contains("/reports/status.pdf"),
                () -> leadership.locator("a:text-is('PDF')").click());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headerValue("content-type")).startsWith("application/pdf");
        assertThat(pdf.url()).contains("agency=gsa");
        chromium.screenshot(leadership, "pdf");
        // Chromium shows the PDF in its viewer, whose page is what the response body holds: fetch the file itself
        byte[] file = leadership.request().get(pdf.url()).body();
        assertThat(new String(file, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void leadershipScoresAPartyThroughTheAssessmentFormAndACoordinatorCannot() {
        Page leadership = logIn("leadershipReader");
        leadership.navigate(url("/reports/status?agency=gsa"));
        leadership.locator("a[href='/commitments/MXUS-2401-OTAY-II/assessments']").click();

        leadership.locator("input[name=period]").fill("2025-H1");
        leadership.locator("select[name=party]").selectOption("MX");
        leadership.locator("input[name=score][value='1']").check();
        leadership.locator("textarea[name=rationale]").fill("Mexican facilities reported essentially complete in 2025");
        leadership.locator("form.assessment button[type=submit]").click();
        assertThat(leadership.locator(".saved")).isVisible();
        assertThat(leadership.locator("table")).containsText("Mexican facilities reported essentially complete");
        chromium.screenshot(leadership, "assessment-saved");

        leadership.locator("input[name=period]").fill("last year");
        leadership.locator("select[name=party]").selectOption("US");
        leadership.locator("input[name=score][value='0']").check();
        leadership.locator("textarea[name=rationale]").fill("US building started 2025-11-10");
        leadership.evaluate("() => document.querySelector('input[name=period]').removeAttribute('pattern')");
        leadership.locator("form.assessment button[type=submit]").click();
        assertThat(leadership.locator(".error")).containsText("must be like 2024-Q1");
        assertThat(leadership.locator("table")).not().containsText("US building started");

        Page gsa = logIn("gsaCoordinator");
        assertThat(gsa.request().get(url("/commitments/MXUS-2401-OTAY-II/assessments")).status()).isEqualTo(403);
    }

    @Test
    void anOverdueTaskReminderOnTheMailPageOpensTheTaskInTasklist() {
        String code = "BROWSER-REMINDER-" + System.nanoTime() % 100_000;
        registry.register(new NewCommitment(code, "MX-US-2024-01-19", "Reminder seen in a browser", null,
                "agreed-action", Map.of("MX", "sre", "US", "state"), List.of(), LocalDate.now().plusMonths(6), null,
                false, "normal", new NewCommitment.Provenance("001_ae9539afecd76ba5.txt",
                        "Mexico and the United States agreed to carry out a joint visit to Darién.", "en")),
                new Actor("deskOfficer", "api"));
        Task plan = openTask(code, "Task_PlanAction");
        // three days overdue in a few seconds: the escalation to the supervisors falls due then
        plan.setDueDate(Date.from(Instant.now().minus(3, ChronoUnit.DAYS).plusSeconds(3)));
        tasks.saveTask(plan);

        Page sre = logIn("sreCoordinator");
        Locator mail = sre.locator("a").filter(new Locator.FilterOptions().setHasText(code)).first();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            sre.navigate(url("/mail"));
            return mail.count() > 0;
        });
        mail.click();
        assertThat(sre.locator("body")).containsText(code);
        chromium.screenshot(sre, "1-mail");

        sre.locator("ul.mail-links a").filter(new Locator.FilterOptions().setHasText("/tasks/")).first()
                .click();
        sre.waitForURL(Pattern.compile(".*/camunda/app/tasklist/.*task=" + plan.getId() + ".*"));
        // a plan that SRE shares with State: the engine's one name is English, SRE reads it in Spanish
        assertThat(sre.locator(".task-details h2, .task-details .names").first()).containsText("Planear la acción");
        assertThat(taskCard(sre, plan)).hasClass(Pattern.compile("active"));
        chromium.screenshot(sre, "2-task-from-mail");
    }

    @Test
    void theMailsLinkOpensTheTaskThroughSignInTasklistShowsTheServersRefusalAndLogoutLandsOnTheSignInPage() {
        String code = "BROWSER-DATES-" + System.nanoTime() % 100_000;
        registry.register(new NewCommitment(code, "MX-US-2024-01-19", "A visit whose dates are checked", null,
                "darien-joint-visit", Map.of("MX", "sre", "US", "state", "PA", "pamire"), List.of(),
                LocalDate.now().plusMonths(6), null, false, "normal", new NewCommitment.Provenance(
                        "001_ae9539afecd76ba5.txt", "Mexico and the United States agreed to a joint visit.", "en")),
                new Actor("deskOfficer", "api"));
        Task proposal = openTask(code, "Task_ProposeVisitDates");

        // signed out, as a coordinator reading the mail in the morning
        Page sre = chromium.newPage();
        sre.navigate(url("/tasks/" + proposal.getId()));
        assertThat(sre.locator("h1")).hasText("Compromiso");
        sre.locator("#username").fill("sreCoordinator");
        sre.locator("#password").fill("demo");
        sre.locator("button[type=submit]").click();
        sre.waitForURL(Pattern.compile(".*/camunda/app/tasklist/.*task=" + proposal.getId() + ".*"));
        // the task is open, whether or not its card is on the list's first page
        assertThat(sre.locator(".task-details h2").first()).containsText("Proponer fechas de la visita");

        sre.locator("button.claim").click();
        // the claim renders the form again: what was typed before that is lost
        assertThat(sre.locator("button.claim")).hasCount(0);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        fill(sre, "Primer día propuesto", yesterday.format(DAY_FIRST));
        fill(sre, "Último día propuesto", yesterday.plusDays(10).format(DAY_FIRST));
        sre.locator("button:has-text('Completar')").click();
        // the form in the browser accepts a past day; the server refuses it, in the coordinator's Spanish
        assertThat(sre.locator("body")).containsText("proposedFrom: no puede estar en el pasado");
        Locator besideTheField = sre.locator(".fjs-form-field:has(.compromiso-field-error)");
        assertThat(besideTheField).hasCount(1);
        assertThat(besideTheField).containsText("Primer día propuesto");
        assertThat(besideTheField.locator(".compromiso-field-error")).containsText("no puede estar en el pasado");
        chromium.screenshot(sre, "1-refused-past-date");
        assertThat(openTask(code, "Task_ProposeVisitDates").getId()).isEqualTo(proposal.getId());

        sre.locator("li.account a.dropdown-toggle").click();
        sre.locator("li.logout a").click();
        sre.waitForURL(Pattern.compile(".*/login\\?logout$"));
        assertThat(sre.locator("h1")).hasText("Compromiso");
        assertThat(sre.locator("#username")).isVisible();
        chromium.screenshot(sre, "2-signed-out");
    }

    private Page logIn(String user) {
        Page page = chromium.newPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(user);
        page.locator("#password").fill("demo");
        page.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/camunda/app/.*"));
        return page;
    }

    /** The Tasklist card of this task in the current filter. */
    private static Locator taskCard(Page page, Task task) {
        // the card's link also carries the open tab (&detailsTab=...) once a tab was chosen
        return page.locator("li.task:has(a[href^='#/?task=" + task.getId() + "'])");
    }

    /** The Camunda Form field with this label. */
    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(false)).first();
    }

    /**
     * The link of the reminder mail this user gets about the task, read on the mail page: the task is made three
     * days overdue but for a few seconds, so its reminders fall due at once.
     */
    private String reminderLink(String user, String code, Task task) {
        task.setDueDate(Date.from(Instant.now().minus(3, ChronoUnit.DAYS).plusSeconds(3)));
        tasks.saveTask(task);
        Page mailbox = logIn(user);
        Locator mail = mailbox.locator("a").filter(new Locator.FilterOptions().setHasText(code)).first();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            mailbox.navigate(url("/mail"));
            return mail.count() > 0;
        });
        mail.click();
        Locator link = mailbox.locator("ul.mail-links a").filter(new Locator.FilterOptions()
                .setHasText("/tasks/" + task.getId())).first();
        assertThat(link).isVisible();
        String href = link.getAttribute("href");
        return href.startsWith("/") ? url(href) : href;
    }

    /** Types into the Camunda Form field with this label, as a user would, and leaves the field. */
    private static void fill(Page page, String label, String value) {
        Locator field = field(page, label);
        field.fill(value);
        field.press("Tab");
    }

    private Task openTask(String commitmentCode, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(commitmentCode).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as(taskKey + " of " + commitmentCode).isNotNull();
        return task;
    }

    /** The history entry of this commitment that records the completion of this task, read as that user. */
    private JsonNode historyEntry(Page page, String code, String taskKey) throws Exception {
        var response = page.request().get(url("/api/commitments/" + code));
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode entry : json.readTree(response.body()).get("history")) {
            if (taskKey.equals(entry.at("/detail/task").asText()) && "task-completed".equals(entry.at("/action").asText())) {
                return entry;
            }
        }
        throw new AssertionError("No history entry for " + taskKey + " of " + code);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
