package bench.baseline;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The bare framework the portal stands on: Spring Boot and Vaadin with one page at /login. */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    @Route("login")
    public static class LoginPage extends VerticalLayout {
        public LoginPage() {
            add(new H1("Baseline"));
        }
    }
}
