package dev.gatehouse.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A headless Debian Chromium driven through Debian's chromedriver. The binary and driver are named explicitly, so
 * Selenium Manager never tries to download either. Every page the test looks at can be saved as a screenshot under
 * {@code target/screenshots/<scenario>/}, numbered in the order they were taken, as build artifacts.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private int shots;

    private Chromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** A fresh browser with an empty profile: no cookies from any other test. */
    public static Chromium start(String scenario) {
        try {
            Path profile = Files.createTempDirectory("gatehouse-chromium");
            ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile()).addArguments(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            Path screenshots = Path.of("target", "screenshots", scenario);
            deleteRecursively(screenshots);
            Files.createDirectories(screenshots);
            return new Chromium(new ChromeDriver(service, options), profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /**
     * Whether the element left the document. Chromium mostly says so with a stale-element error, but during a
     * navigation it may answer with an inspector error instead; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    /** Types into the field labelled by {@code id}, replacing what was there. */
    public void fill(String id, String value) {
        WebElement field = element(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * Clicks a link or button that leads to another page, and returns once that page has loaded: Selenium's click
     * returns as soon as the click is sent, so reading the page straight after could still see (or half see) the
     * old one.
     */
    public void click(By by) {
        WebElement target = element(by);
        WebElement oldPage = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, WAIT).until(d -> isGone(oldPage));
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Clicks the submit button whose visible text is {@code text}. */
    public void press(String text) {
        click(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    /** Submits the form with this id through its submit button, as a person would. */
    public void submit(String formId) {
        click(By.cssSelector("form#" + formId + " button[type=submit]"));
    }

    public String text(By by) {
        return element(by).getText();
    }

    public String textOf(String id) {
        return text(By.id(id));
    }

    public String pageText() {
        return element(By.tagName("body")).getText();
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits for the element; when it never comes, the page shown instead is saved for the build's artifacts. */
    public WebElement element(By by) {
        try {
            return new WebDriverWait(driver, WAIT).until(d -> d.findElement(by));
        } catch (TimeoutException e) {
            screenshot("missing-" + by.toString().replaceAll("[^A-Za-z0-9-]+", "_"));
            throw e;
        }
    }

    /** Waits until the browser's URL satisfies {@code condition}, e.g. after a redirect to another origin. */
    public void awaitUrl(java.util.function.Predicate<String> condition) {
        new WebDriverWait(driver, WAIT).until(d -> condition.test(d.getCurrentUrl()));
    }

    /** Makes the window the size of a phone's screen (390 × 844 CSS pixels), reloading nothing. */
    public void phoneSized() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    }

    public void desktopSized() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    /** Whether the page fits the window's width, so that nobody has to scroll sideways to read or use it. */
    public boolean fitsTheWidth() {
        Object fits = driver.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /**
     * Gives the browser a platform authenticator (as a laptop's fingerprint reader) that can keep passkeys and
     * verifies its user without asking, through the DevTools protocol: WebAuthn pages then work with nobody there.
     */
    public VirtualAuthenticator addPasskeyAuthenticator() {
        return driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    /** Runs {@code script} in the page, with {@code args} as {@code arguments[0…]}, and returns its result. */
    public Object execute(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves what the browser shows now as {@code NN-name.png}. */
    public Path screenshot(String name) {
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        driver.quit();
        try {
            deleteRecursively(profile);
        } catch (IOException e) {
            // A leftover profile in the temp directory harms nothing.
        }
    }

    /** Also clears a previous run's screenshots, so the artifacts show this run only. */
    private static void deleteRecursively(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var files = Files.walk(root)) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
