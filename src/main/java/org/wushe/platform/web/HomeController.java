package org.wushe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: what the user can open, and which database serves this instance. */
@Controller
class HomeController {

    private final DataSource dataSource;

    HomeController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping("/")
    String home(Model model, HttpServletRequest request) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            model.addAttribute(
                    "databaseVersion", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            // where the data lives is for whoever runs the system (the bureau's administrator), not for every user
            if (request.isUserInRole("CIVIL_AFFAIRS_ADMIN")) {
                model.addAttribute("databaseUrl", meta.getURL());
            }
        }
        return "home";
    }
}
