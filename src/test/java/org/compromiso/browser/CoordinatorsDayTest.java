package org.compromiso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What coordinators and leadership do in their browsers, in a real Chromium against the service on a random
 * port with the demo catalog: Tasklist, the report page and the mail page. Runs after the other tests that
 * share this application context, since it moves the demo's Darién visit on.
 */
@CompromisoTest
@Order(Integer.MAX_VALUE / 2 + 1)
class CoordinatorsDayTest {

    private static final String DARIEN = "MXUS-2401-DARIEN-VISIT";

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
    void sreCoordinatorCompletesTheDarienTaskInTasklistAndPanamaGetsTheNextOne() throws Exception {
        Task proposal = openTask(DARIEN, "Task_ProposeVisitDates");
        Page sre = logIn("sreCoordinator");
        sre.navigate(url("/camunda/app/tasklist/"));

        Locator card = taskCard(sre, proposal);
        assertThat(card).containsText("Propose visit dates");
        assertThat(card).containsText("Joint visit to the Darién");
        assertThat(card.locator(".due-date")).containsText("Due");
        chromium.screenshot(sre, "1-task-list");

        card.locator("h4.task a").click();
        sre.locator("button.claim").click();
        fill(sre, "Proposed first day", "06/03/2024");
        fill(sre, "Proposed last day", "06/07/2024");
        fill(sre, "Note to Panama", "Metetí and Lajas Blancas reception stations");
        fill(sre, "Evidence link (URL)", "https://www.gob.mx/sre/prensa/darien-visit-proposal");
        chromium.screenshot(sre, "2-form-filled");
        sre.locator("button:has-text('Complete')").click();
        assertThat(card).hasCount(0);

        Task confirmation = openTask(DARIEN, "Task_ConfirmPanamaParticipation");
        Page panama = logIn("pamireCoordinator");
        panama.navigate(url("/camunda/app/tasklist/"));
        assertThat(taskCard(panama, confirmation)).containsText("Confirm Panama's participation");
        chromium.screenshot(panama, "3-next-task-for-panama");

        JsonNode completed = historyEntry(sre, DARIEN, "Task_ProposeVisitDates");
        assertThat(completed.at("/action").asText()).isEqualTo("task-completed");
        assertThat(completed.at("/actor").asText()).isEqualTo("sreCoordinator");
        assertThat(completed.at("/detail/values/evidenceLink").asText())
                .isEqualTo("https://www.gob.mx/sre/prensa/darien-visit-proposal");
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

        sre.locator("ul.mail-links a").filter(new Locator.FilterOptions().setHasText("/camunda/app/tasklist/")).first()
                .click();
        sre.waitForURL(Pattern.compile(".*/camunda/app/tasklist/.*task=" + plan.getId() + ".*"));
        assertThat(sre.locator(".task-details h2, .task-details .names").first()).containsText("Plan the action");
        assertThat(taskCard(sre, plan)).hasClass(Pattern.compile("active"));
        chromium.screenshot(sre, "2-task-from-mail");
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
        return page.locator("li.task:has(a[href='#/?task=" + task.getId() + "'])");
    }

    /** Types into the Camunda Form field with this label, as a user would, and leaves the field. */
    private static void fill(Page page, String label, String value) {
        Locator field = page.getByLabel(label, new Page.GetByLabelOptions().setExact(false)).first();
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
