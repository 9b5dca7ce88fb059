package org.naoyu.speller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.LiveParticipant;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.launch.SessionLauncher;
import org.naoyu.speller.session.OnlineSession;
import org.naoyu.speller.training.ModelTraining;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Both views in Debian's headless Chromium, driven by Selenium through Debian's chromedriver: the participant sees
 * cued sentences spelled, the operator signs in with the token, sees the stream and latency, and presses undo, which
 * reaches the participant's screen. Screenshots go to target/screenshots (docs/img holds the committed ones).
 */
@Timeout(300)
class SpellerBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void participantAndOperatorViewsInChromium() throws Exception {
        boolean browser = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null) {
            assertTrue(browser, ".ci/run installs chromium and chromium-driver; they are missing");
        }
        Assumptions.assumeTrue(browser, "no chromium + chromedriver here (Debian: apt-get install chromium "
                + "chromium-driver)");
        Path model = DemoSetup.model(dir.resolve("demo"), 64, 1000, 6, 300,
                new PrintWriter(new StringWriter(), true));
        Path screenshots = Files.createDirectories(Path.of("target/screenshots"));
        try (LiveParticipant participant = new LiveParticipant(64, 1000, 6, 5)) {
            LslConfig lsl = LslConfig.defaults();
            OnlineSession.Options options = new OnlineSession.Options(
                    SessionLauncher.resolve(lsl, participant.signalQuery(), Duration.ofSeconds(10)),
                    SessionLauncher.resolve(lsl, participant.markerQuery(), Duration.ofSeconds(10)), lsl, dir, null,
                    Map.of(), ModelTraining.forSessionCalibration(TrainedModel.Kind.LINEAR), null, OnlineSession.Phase.CUED_SENTENCES);
            try (OnlineSession session = OnlineSession.start(options, ModelFile.load(model),
                    PinyinConverter.shipped().decoder());
                    SpellerServer server = SpellerServer.start(session, "127.0.0.1", false, 0, Speech.find("cmn"),
                            CjkFont.find())) {
                WebDriver driver = chromium(dir.resolve("chromium-profile"));
                try {
                    driver.manage().window().setSize(new Dimension(1280, 800));
                    driver.get(server.participantUrl());
                    String participantWindow = driver.getWindowHandle();
                    // a sentence spelled from the simulated participant's attempts appears on the screen
                    waitFor(60, "a finished sentence on the participant's screen",
                            () -> !driver.findElements(By.cssSelector("#history li")).isEmpty());
                    waitFor(30, "candidates while a sentence is being spelled",
                            () -> !driver.findElements(By.cssSelector("#candidates li.best")).isEmpty()
                                    && driver.findElement(By.id("cue")).isDisplayed());
                    assertFalse(driver.findElement(By.id("sentence")).getText().isBlank());
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    assertEquals(Boolean.TRUE, js.executeScript("return document.documentElement.scrollWidth <= "
                            + "document.documentElement.clientWidth"), "no sideways scrolling on a 1280x800 tablet");
                    screenshot(driver, screenshots.resolve("participant.png"));

                    driver.switchTo().newWindow(WindowType.WINDOW);
                    driver.manage().window().setSize(new Dimension(1440, 1000));
                    driver.get(server.operatorUrl());
                    waitFor(15, "the operator signed in with the token",
                            () -> driver.findElement(By.id("auth")).getText().equals("signed in"));
                    assertFalse(driver.getCurrentUrl().contains("token"), "the token leaves the address bar");
                    waitFor(15, "stream status and latency rows", () -> driver.findElement(By.id("stream")).getText()
                            .contains("naoyu-sim") && driver.findElements(By.cssSelector("#latency tbody tr"))
                            .size() == org.naoyu.speller.session.LatencyStats.Stage.values().length);
                    waitFor(30, "a sentence being spelled, mirrored for the operator", () -> {
                        String mirror = driver.findElement(By.id("mirror")).getText();
                        return !mirror.isBlank() && !mirror.startsWith("✓");
                    });
                    driver.findElement(By.id("undo")).click();
                    waitFor(10, "the undo in the session log", () -> driver.findElement(By.id("log")).getText()
                            .contains("undo"));
                    screenshot(driver, screenshots.resolve("operator.png"));
                    driver.switchTo().window(participantWindow);
                    waitFor(10, "the undo on the participant's screen", () -> !"0".equals(String.valueOf(
                            ((JavascriptExecutor) driver).executeScript(
                                    "return document.body.dataset.revisions || '0'"))));
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags that keep Chromium from reaching for Google's servers on a closed network
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver driver, Path file) throws Exception {
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static void waitFor(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException stale) {
                // the page redrew the element between finding and reading it: look again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + seconds + " s for " + what);
    }
}
