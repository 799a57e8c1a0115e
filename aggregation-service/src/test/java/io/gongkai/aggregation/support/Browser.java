package io.gongkai.aggregation.support;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Debian's chromium, headless, driven through its chromium-driver. Browser tests run when both are installed
 * ({@code apt-get install chromium chromium-driver fonts-noto-cjk}; .ci/run does it) and are skipped, saying so,
 * when they are not.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("gongkai.browser.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("gongkai.browser.driver", "/usr/bin/chromedriver"));
    /** Where reviewers find what the browser saw. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static boolean told;

    private Browser() {
    }

    /** For {@code @EnabledIf}: true when both programs are there; otherwise says once why the tests are skipped. */
    public static boolean available() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " not found"
                : !Files.isExecutable(DRIVER) ? DRIVER + " not found" : null;
        if (missing != null && !told) {
            told = true;
            System.out.println("browser tests skipped: " + missing
                    + " (apt-get install chromium chromium-driver fonts-noto-cjk to run them)");
        }
        return missing == null;
    }

    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1440,1000", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Saves the whole page, not only the window, as target/screenshots/{name}.png. */
    public static void screenshot(ChromeDriver driver, String name) {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 140, 8_000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            // Written anew, so that it is readable as any new file is here, whatever an earlier copy's mode was.
            Files.deleteIfExists(file);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }
}
