package io.microdrama.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.devstack.KeycloakTokens;
import io.microdrama.devstack.ServiceProcess;
import io.microdrama.devstack.PackagedPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The ops console in a real browser (Debian's headless chromium through its chromedriver) against the real platform:
 * devstack (Kafka, PostgreSQL, Keycloak) plus the four packaged services and the packaged console as separate JVMs
 * ({@link PackagedPlatform}). People sign in on Keycloak's own login page. The console listens on :3000 because that is
 * the redirect URI the realm's public client allows. Every page visited is screenshot to target/console-screenshots
 * and scanned with axe-core (downloaded from the npm registry by the build into target/axe-core): no serious or
 * critical violation. Without chromium the test skips locally and fails under CI=true (.ci/run installs it).
 */
class OpsConsoleBrowserE2E {

    static final String CONSOLE = PackagedPlatform.consoleUrl();
    static final String XSS_TITLE = "<img src=x onerror=alert(1)>";
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Path AXE = Path.of("target", "axe-core", "package", "axe.min.js");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Fails QC twice: the second cue overlaps the first, the third starts after the 90 s episode has ended. */
    static final String FAILING_VTT = """
            WEBVTT

            00:00:01.000 --> 00:00:04.000
            こんにちは

            00:00:03.000 --> 00:00:05.000
            さようなら

            00:02:00.000 --> 00:02:02.000
            またね
            """;

    static PackagedPlatform platform;
    static ServiceProcess gateway;
    static KeycloakTokens keycloak;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static String dramaId;
    static String xssDramaId;

    WebDriver browser;

    @BeforeAll
    static void startPlatformConsoleAndPublishDramas() throws Exception {
        boolean browserInstalled = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browserInstalled && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("The console's browser tests need Debian's chromium and chromedriver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does it as root)."
                    + " In CI (CI=true) this is a failure, not a skip.");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(browserInstalled,
                "chromium/chromedriver not installed (apt-get install chromium chromium-driver): browser tests skipped");
        assertThat(AXE).as("axe-core is downloaded by the build (mvn verify in e2e-tests)").exists();

        platform = PackagedPlatform.named("console").withConsole(Map.of()).start();
        gateway = platform.gateway();
        keycloak = platform.tokens();

        assertThat(api("admin", "PUT", "/api/v1/admin/studios/aurora", "{\"name\":\"Aurora Pictures\"}", null).statusCode())
                .isIn(200, 201);
        dramaId = publish("Midnight CEO " + UUID.randomUUID().toString().substring(0, 4));
        xssDramaId = publish(XSS_TITLE);
        // German subtitles for both episodes once localization has the drama (it learns of it from the event).
        for (int episode = 1; episode <= 2; episode++) {
            String path = "/api/v1/localization/dramas/" + dramaId + "/episodes/" + episode + "/subtitles/de.vtt";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> upload = api(null, "PUT", path, "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHallo\n",
                        "text/vtt");
                assertThat(upload.statusCode()).as(upload.body()).isIn(200, 201);
            });
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(storefrontDE()).contains(dramaId));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * Waits until the outcome line of the page a form action led to contains {@code expected}. A click returns before
     * the browser has left the old page, whose own outcome line may still be read or go stale meanwhile.
     */
    private void awaitStatus(String expected) {
        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains(expected));
    }

    /** Waits until the page a click led to is the one titled {@code expected} (same race as {@link #awaitStatus}). */
    private void awaitHeading(String expected) {
        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(expected));
    }

    @Test
    void opsEuHoldsADramaInGermanyItLeavesTheStorefrontAndIsReleased() throws Exception {
        signIn("ops-eu");
        browser.get(CONSOLE + "/ops/dramas/" + dramaId);
        screenshot("drama-before-hold");
        assertThat(browser.findElement(By.id("price-bars")).getText()).as("prices side by side in US dollars")
                .contains("DE").contains("EUR").contains("USD");
        browser.findElement(By.id("hold-reason-DE")).sendKeys("Rights check requested by legal");
        browser.findElement(By.id("hold-DE")).click();
        awaitStatus("Held in DE");
        assertThat(browser.findElement(By.id("region-DE")).getText()).contains("ON_HOLD");
        screenshot("drama-held");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storefrontDE()).doesNotContain(dramaId));

        browser.findElement(By.id("release-reason-DE")).sendKeys("Legal cleared the rights");
        browser.findElement(By.id("release-DE")).click();
        awaitStatus("Released in DE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storefrontDE()).contains(dramaId));

        // The drama's history (the platform's audit trail, fed through Kafka) shows both actions with their reasons.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            browser.get(CONSOLE + "/ops/dramas/" + dramaId);
            assertThat(browser.findElement(By.id("history-table")).getText())
                    .contains("hold placed").contains("Rights check requested by legal")
                    .contains("hold released").contains("Legal cleared the rights").contains("ops-eu");
        });
        screenshot("drama-history");

        browser.get(CONSOLE + "/ops/regions/DE");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("DE");
        assertThat(browser.findElement(By.cssSelector("table.counts")).getText()).as("every state counted")
                .contains("LIVE").contains("WITHDRAWN").doesNotContain("?");
        screenshot("board-DE");

        browser.get(CONSOLE + "/ops/grid");
        assertThat(browser.findElement(By.cssSelector("#tile-DE .tile-total")).getText()).matches("[1-9][0-9]*\\+? dramas");
        assertThat(browser.findElement(By.cssSelector("#tile-DE svg.bar")).getAttribute("aria-label")).contains("LIVE");
        screenshot("rollout-map");
    }

    @Test
    void opsEuOverridesAPriceAndReadsTheAuditEntry() throws Exception {
        signIn("ops-eu");
        browser.get(CONSOLE + "/ops/regions/DE/dramas/" + dramaId + "/pricing");
        browser.findElement(By.id("coins")).clear();
        browser.findElement(By.id("coins")).sendKeys("7");
        browser.findElement(By.id("override-reason")).sendKeys("Launch promotion");
        browser.findElement(By.xpath("//button[text()='Override price']")).click();
        awaitStatus("Price overridden in DE");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("Launch promotion").contains("ops-eu");
        screenshot("pricing-overridden");

        // The region's upcoming price changes: reached from the board, priced for a day the ops person picks.
        browser.get(CONSOLE + "/ops/regions/DE");
        browser.findElement(By.linkText("Upcoming price changes in DE")).click();
        awaitHeading("Upcoming price changes in DE");
        assertThat(browser.findElement(By.tagName("body")).getText()).containsPattern("of [1-9][0-9]* active prices change");
        screenshot("repricing-preview");
    }

    @Test
    void opsNaNeverSeesEuropeanDataEvenByDirectUrl() throws Exception {
        signIn("ops-na");
        browser.get(CONSOLE + "/ops/regions/DE");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.getPageSource()).doesNotContain(dramaId);
        screenshot("ops-na-forbidden");
        browser.get(CONSOLE + "/ops/dramas/" + dramaId);
        assertThat(browser.getPageSource()).doesNotContain("region-DE").doesNotContain("region-FR");
        screenshot("ops-na-drama");
    }

    @Test
    void aTitleWithMarkupIsShownAsText() throws Exception {
        signIn("ops-eu");
        browser.get(CONSOLE + "/ops/dramas/" + xssDramaId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(XSS_TITLE);
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("ol.timeline"))).as("one timeline per region").hasSize(2);
        screenshot("xss-title");
    }

    @Test
    void aLocalizerUploadsAFailingFileAndReadsTheFindingsOneByOne() throws Exception {
        signIn("localizer-cjk");
        browser.get(CONSOLE + "/localizer/tasks?language=ja");
        By uploadEpisodeOne = By.cssSelector("a[href*='dramaId=" + dramaId + "&episode=1&']");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(uploadEpisodeOne)).as("the drama's Japanese task").isNotEmpty();
        });
        screenshot("localizer-tasks");
        assertThat(browser.findElement(uploadEpisodeOne).getText()).isEqualTo("Upload episode 1 ja");
        browser.findElement(uploadEpisodeOne).click();
        assertThat(browser.findElement(By.id("dramaId")).getAttribute("value")).isEqualTo(dramaId);
        Path file = Files.createTempFile("episode-1-", ".ja.vtt");
        Files.writeString(file, FAILING_VTT);
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.xpath("//button[text()='Upload and check']")).click();
        assertThat(browser.findElement(By.id("qc")).getText()).contains("FAILED");
        List<String> findings = browser.findElements(By.cssSelector("ol.findings li")).stream().map(WebElement::getText).toList();
        assertThat(findings).as("one list item per finding").anySatisfy(f -> assertThat(f).contains("CUE_OVERLAP"))
                .anySatisfy(f -> assertThat(f).contains("CUE_AFTER_EPISODE_END"));
        // The same findings placed on the episode's cue timeline, which runs to the file's last cue (2:02).
        WebElement timeline = browser.findElement(By.id("qc-timeline"));
        assertThat(timeline.findElement(By.tagName("figcaption")).getText()).contains("00:02:02.000");
        assertThat(timeline.findElements(By.cssSelector("rect.qc-cue"))).as("cue blocks").isNotEmpty();
        List<String> placed = timeline.findElements(By.cssSelector("rect.qc-error title, rect.qc-warning title")).stream()
                .map(title -> title.getAttribute("textContent")).toList();
        assertThat(placed).anySatisfy(f -> assertThat(f).contains("CUE_OVERLAP"))
                .anySatisfy(f -> assertThat(f).contains("CUE_AFTER_EPISODE_END").contains("00:02:00.000"));
        screenshot("localizer-qc-failed");

        browser.findElement(By.linkText("Preview the cues on a phone")).click();
        assertThat(browser.findElement(By.id("cue-text")).getText()).isEqualTo("こんにちは");
        browser.findElement(By.partialLinkText("Cue 2:")).click();
        assertThat(browser.findElement(By.id("cue-text")).getText()).isEqualTo("さようなら");
        screenshot("localizer-cue-preview");
    }

    @Test
    void anAdminReadsStudiosAndTheLanguagePolicy() throws Exception {
        signIn("admin");
        browser.get(CONSOLE + "/admin/studios");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("aurora");
        screenshot("admin-studios");
        browser.get(CONSOLE + "/admin/policy");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        screenshot("admin-policy");
        browser.get(CONSOLE + "/admin/reference?kind=fx-rates");
        assertThat(browser.findElement(By.tagName("caption")).getText()).startsWith("FX rates");
        browser.findElement(By.linkText("EUR")).click();
        assertThat(browser.findElement(By.tagName("caption")).getText()).contains("every dated version of EUR");
        screenshot("admin-reference-fx-EUR");
        browser.get(CONSOLE + "/");
        screenshot("admin-home");
    }

    @Test
    void anAdminSeesWhatAFactorChangeWillAffectBeforeSavingIt() throws Exception {
        signIn("admin");
        String inAMonth = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        browser.get(CONSOLE + "/admin/reference?kind=ppp-factors");
        fillFactor("DE", inAMonth, "20");
        browser.findElement(By.xpath("//button[text()='Preview the impact']")).click();
        // Billing's 422, in words, with the form kept as entered.
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("did not accept what was entered").contains("factor");
        assertThat(browser.findElement(By.id("f-factor")).getAttribute("value")).isEqualTo("20");
        screenshot("admin-reference-refused");

        browser.findElement(By.id("f-factor")).clear();
        browser.findElement(By.id("f-factor")).sendKeys("0.5");
        browser.findElement(By.xpath("//button[text()='Preview the impact']")).click();
        awaitHeading("What this change will do");
        String impact = browser.findElement(By.tagName("main")).getText();
        assertThat(impact).containsPattern("DE \\(EUR\\): [1-9][0-9]* of [1-9][0-9]* active prices change")
                .contains("Takes effect on " + inAMonth).contains(dramaId).contains("€");
        assertThat(api("admin", "GET", "/api/v1/billing/reference/ppp-factors/DE", null, null).body())
                .as("the preview stored nothing").doesNotContain(inAMonth);
        screenshot("admin-reference-impact");

        browser.findElement(By.xpath("//button[text()='Save']")).click();
        awaitStatus("Saved: Purchasing-power factors DE, in force from " + inAMonth);
        assertThat(api("admin", "GET", "/api/v1/billing/reference/ppp-factors/DE", null, null).body()).contains(inAMonth);
        screenshot("admin-reference-saved");
    }

    @Test
    void anAdminRegistersAStudioAndFindsItListedAndOnItsPage() throws Exception {
        String studioId = "nova-" + UUID.randomUUID().toString().substring(0, 6);
        signIn("admin");
        browser.get(CONSOLE + "/admin/studios");
        browser.findElement(By.id("studio-id")).sendKeys(studioId);
        browser.findElement(By.id("studio-name")).sendKeys("Nova Films");
        browser.findElement(By.id("studio-save")).click();
        awaitStatus("Registered studio " + studioId + " (Nova Films), active");
        assertThat(browser.findElement(By.id("studio-detail")).getText()).contains(studioId).contains("admin");
        screenshot("admin-studio-registered");

        browser.get(CONSOLE + "/admin/studios");
        assertThat(browser.findElement(By.id("studios-table")).getText()).contains(studioId).contains("Nova Films");
        browser.findElement(By.linkText(studioId)).click();
        awaitHeading("Studio Nova Films");
        browser.findElement(By.id("studio-name")).clear();
        browser.findElement(By.id("studio-name")).sendKeys("Nova Films Europe");
        browser.findElement(By.id("studio-update")).click();
        awaitStatus("Updated studio " + studioId + " (Nova Films Europe)");
        assertThat(api("admin", "GET", "/api/v1/admin/studios/" + studioId, null, null).body()).contains("Nova Films Europe");
        screenshot("admin-studio");

        // The admin's other read-only pages: re-pricing progress, the policy's history, one region's effective languages.
        browser.get(CONSOLE + "/admin/repricing");
        assertThat(browser.findElement(By.id("repricing-status")).getText()).contains("active price(s) checked");
        screenshot("admin-repricing");
        browser.get(CONSOLE + "/admin/policy");
        browser.findElement(By.id("lookup-region")).sendKeys("de");
        browser.findElement(By.xpath("//button[text()='Look up']")).click();
        awaitHeading("Subtitle languages of DE");
        assertThat(browser.findElement(By.id("region-policy")).getText()).contains("Where they come from");
        screenshot("admin-policy-region-DE");
        browser.get(CONSOLE + "/admin/policy/changes");
        assertThat(browser.findElement(By.id("policy-changes")).findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        screenshot("admin-policy-changes");

        // The registration in the audit trail, browsed by actor (fed through Kafka: it shows within seconds).
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            browser.get(CONSOLE + "/audit?actor=admin");
            assertThat(browser.findElement(By.id("audit-table")).getText()).contains(studioId).contains("admin (admin)");
        });
        assertThat(browser.findElement(By.cssSelector("#audit-table caption")).getText()).contains("by admin");
        screenshot("admin-audit-by-actor");
    }

    @Test
    void opsEuSeesStepDurationsDecidesOneEpisodesTrackAndBrowsesTheAuditOfARegion() throws Exception {
        // France wants German subtitles approved by a person: the drama's French plan now waits for approvals.
        HttpResponse<String> policy = api("admin", "PUT", "/api/v1/localization/policy/regions/FR",
                "{\"languages\":[\"de\"],\"approvalRequired\":true}", null);
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);

        signIn("ops-eu");
        browser.get(CONSOLE + "/ops/dramas/" + dramaId);
        String germany = browser.findElement(By.cssSelector("ol.timeline[aria-label='Steps in DE']")).getText();
        assertThat(germany).as("each step's time and how long it took").contains("published at")
                .containsPattern("localized after [0-9.]+ (s|min)").containsPattern("priced after [0-9.]+ (s|min)")
                .containsPattern("LIVE after [0-9.]+ (s|min)");
        screenshot("drama-step-durations");

        browser.findElement(By.id("drama-tracks")).click();
        assertThat(browser.findElement(By.id("tracks-table")).getText()).contains("passed QC");
        screenshot("subtitle-tracks");
        browser.findElement(By.id("comment-1-de")).sendKeys("Checked against the script");
        browser.findElement(By.id("approve-1-de")).click();
        awaitStatus("is now approved.");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Track episode 1 de (revision ");
        assertThat(browser.findElement(By.id("track-1-de")).getText()).contains("approved by ops-eu")
                .contains("Checked against the script");
        // A rejection without a comment is refused in words before anything is sent.
        browser.findElement(By.id("comment-2-de")).sendKeys(" ");
        browser.findElement(By.id("reject-2-de")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                        .contains("comment: required"));
        screenshot("subtitle-approved");

        browser.get(CONSOLE + "/ops/regions/DE/offers");
        assertThat(browser.findElement(By.id("coin-packs")).getText()).contains("anchor").contains("price point");
        assertThat(browser.findElement(By.id("offers-basis")).getText()).contains("Exchange rate");
        screenshot("offers-DE");

        browser.get(CONSOLE + "/audit");
        browser.findElement(By.id("audit-region")).sendKeys("DE");
        browser.findElement(By.id("audit-filter")).click();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptionsInstanceOf(org.openqa.selenium.WebDriverException.class)
                .untilAsserted(() -> assertThat(browser.findElement(By.cssSelector("#audit-table caption")).getText())
                        .matches("records 1–[0-9]+ of [0-9]+: touching DE"));
        assertThat(browser.findElement(By.id("audit-table")).getText()).contains(dramaId);
        screenshot("audit-region-DE");
        browser.get(CONSOLE + "/audit?region=US");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("You are not allowed");
        assertThat(browser.findElement(By.id("audit-region")).getAttribute("value")).isEqualTo("US");
        screenshot("audit-region-forbidden");
    }

    private void fillFactor(String region, String date, String factor) {
        browser.findElement(By.id("f-key")).sendKeys(region);
        browser.findElement(By.id("f-date")).sendKeys(date);
        browser.findElement(By.id("f-factor")).sendKeys(factor);
        browser.findElement(By.id("f-note")).sendKeys("browser test");
    }

    private void signIn(String user) {
        browser.get(CONSOLE + "/");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains(user);
    }

    /** Keeps a screenshot of the page and scans it with axe-core: no serious or critical violation. */
    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(seriousAccessibilityViolations()).as("axe-core on " + name + " (" + browser.getCurrentUrl() + ")").isEmpty();
    }

    /**
     * axe-core runs inside the page (injected through WebDriver, which the page's CSP does not govern); the answer
     * lists each serious or critical violation with the elements it found.
     */
    private List<String> seriousAccessibilityViolations() throws Exception {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(Files.readString(AXE));
        Object answer = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(result => done(JSON.stringify(result.violations)))
                   .catch(error => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}])));
                """);
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : json.readTree(String.valueOf(answer))) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = StreamSupport.stream(violation.path("nodes").spliterator(), false)
                        .map(node -> node.path("target").toString()).limit(5).toList();
                serious.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText() + " " + targets);
            }
        }
        return serious;
    }

    private static String publish(String title) throws Exception {
        String externalId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String drama = """
                {"title":%s,"originalLanguage":"en","genres":["romance"],"pricingTier":"standard","ageRatings":{"DE":"fsk:12"},
                 "episodes":[%s,%s],
                 "licences":[{"region":"DE","validFrom":"2025-01-01T00:00:00Z"},{"region":"FR","validFrom":"2025-01-01T00:00:00Z"},
                             {"region":"US","validFrom":"2025-01-01T00:00:00Z"},{"region":"JP","validFrom":"2025-01-01T00:00:00Z"}]}"""
                .formatted(json.writeValueAsString(title), episode(1), episode(2));
        HttpResponse<String> created = api(null, "PUT", "/api/v1/studio/dramas/" + externalId, drama, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> published = api(null, "POST", "/api/v1/studio/dramas/" + externalId + "/publish", null, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode answer = json.readTree(published.body());
        return answer.get("id").asText();
    }

    private static String episode(int number) {
        return """
                {"number":%d,"title":"Episode %d","durationSeconds":90,"videoUri":"https://cdn.example.com/console/%d.mp4",
                 "videoChecksum":"sha256:%064x"}""".formatted(number, number, number, number);
    }

    private static String storefrontDE() throws Exception {
        return api("anonymous", "GET", "/api/v1/storefront/DE/dramas?size=100", null, null).body();
    }

    /** user null = studio aurora (client credentials), "anonymous" = no token. */
    private static HttpResponse<String> api(String user, String method, String path, String body, String type)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", type != null ? type : "application/json");
        }
        if (!"anonymous".equals(user)) {
            String token = user == null ? keycloak.clientCredentials("studio-aurora", "aurora-dev-secret")
                    : keycloak.password(user, "demo");
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
