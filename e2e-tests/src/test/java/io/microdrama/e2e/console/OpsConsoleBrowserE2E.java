package io.microdrama.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.devstack.DevStack;
import io.microdrama.devstack.KeycloakTokens;
import io.microdrama.devstack.ServiceProcess;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The ops console in a real browser (Debian's headless chromium through its chromedriver) against the real platform:
 * devstack (Kafka, PostgreSQL, Keycloak) plus the four packaged services and the packaged console as separate JVMs.
 * People sign in on Keycloak's own login page. The console listens on :3000 because that is the redirect URI the
 * realm's public client allows. Screenshots of every page visited go to target/console-screenshots.
 */
@Disabled("Not green yet: its last run failed 2 of 4 scenarios on a board 500 fixed since (a32b657) and not re-run; .ci/run does not install chromium until it is. Enable with the chromium install in .ci/run.")
class OpsConsoleBrowserE2E {

    static final String CONSOLE = "http://localhost:3000";
    static final String XSS_TITLE = "<img src=x onerror=alert(1)>";
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    static DevStack stack;
    static final List<ServiceProcess> services = new ArrayList<>();
    static ServiceProcess gateway;
    static KeycloakTokens keycloak;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static String dramaId;
    static String xssDramaId;

    WebDriver browser;

    @BeforeAll
    static void startPlatformConsoleAndPublishDramas() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        stack = DevStack.builder().workDir(Files.createTempDirectory("e2e-console-")).kafka(0)
                .postgres(0, List.of("catalog", "localization", "billing")).keycloak(0).start();
        ServiceProcess catalog = start(root, "catalog-service", "catalog", 0, Map.of());
        ServiceProcess localization = start(root, "localization-service", "localization", 0, Map.of());
        ServiceProcess billing = start(root, "billing-service", "billing", 0, Map.of());
        gateway = start(root, "gateway", null, 0, Map.of("CATALOG_URL", catalog.url(), "LOCALIZATION_URL",
                localization.url(), "BILLING_URL", billing.url(), "CONSOLE_ORIGIN", CONSOLE));
        String keycloakOrigin = URI.create(stack.oidcServerUrl().orElseThrow()).resolve("/").toString().replaceAll("/$", "");
        start(root, "ops-console", null, 3000, Map.of("GATEWAY_URL", gateway.url(),
                "CONSOLE_SESSION_SECRET", "e2e-console-session-secret-000000001",
                "CONSOLE_FORM_ACTION_EXTRA", keycloakOrigin));
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
        }
        keycloak = new KeycloakTokens(stack.oidcServerUrl().orElseThrow());

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

    private static ServiceProcess start(Path root, String module, String database, int port, Map<String, String> env) {
        ServiceProcess process = ServiceProcess.start(root, module, port, stack, database, env);
        services.add(process);
        return process;
    }

    @AfterAll
    static void stopPlatform() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void opsEuHoldsADramaInGermanyItLeavesTheStorefrontAndIsReleased() throws Exception {
        signIn("ops-eu");
        browser.get(CONSOLE + "/ops/dramas/" + dramaId);
        screenshot("drama-before-hold");
        browser.findElement(By.id("hold-reason-DE")).sendKeys("Rights check requested by legal");
        browser.findElement(By.id("hold-DE")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Held in DE");
        assertThat(browser.findElement(By.id("region-DE")).getText()).contains("ON_HOLD");
        screenshot("drama-held");
        assertThat(storefrontDE()).doesNotContain(dramaId);

        browser.findElement(By.id("release-DE")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Released in DE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(storefrontDE()).contains(dramaId));

        browser.get(CONSOLE + "/ops/regions/DE");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("DE");
        screenshot("board-DE");
    }

    @Test
    void opsEuOverridesAPriceAndReadsTheAuditEntry() throws Exception {
        signIn("ops-eu");
        browser.get(CONSOLE + "/ops/regions/DE/dramas/" + dramaId + "/pricing");
        browser.findElement(By.id("coins")).clear();
        browser.findElement(By.id("coins")).sendKeys("7");
        browser.findElement(By.id("override-reason")).sendKeys("Launch promotion");
        browser.findElement(By.xpath("//button[text()='Override price']")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Price overridden in DE");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("Launch promotion").contains("ops-eu");
        screenshot("pricing-overridden");
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
        screenshot("xss-title");
    }

    private void signIn(String user) {
        browser.get(CONSOLE + "/");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains(user);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String publish(String title) throws Exception {
        String externalId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String drama = """
                {"title":%s,"originalLanguage":"en","genres":["romance"],"pricingTier":"standard","ageRatings":{"DE":"fsk:12"},
                 "episodes":[%s,%s],
                 "licences":[{"region":"DE","validFrom":"2025-01-01T00:00:00Z"},{"region":"FR","validFrom":"2025-01-01T00:00:00Z"},
                             {"region":"US","validFrom":"2025-01-01T00:00:00Z"}]}"""
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
