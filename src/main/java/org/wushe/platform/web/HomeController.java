package org.wushe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wushe.platform.HomePanel;

/**
 * The landing page: the panels modules supply for the caller (the workbench: what needs them now), what they can
 * open, and which database serves this instance. The shell keeps the page so that it depends on no module.
 */
@Controller
class HomeController {

    private final DataSource dataSource;
    private final List<HomePanel> panels;

    HomeController(DataSource dataSource, List<HomePanel> panels) {
        this.dataSource = dataSource;
        this.panels = panels;
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
        model.addAttribute(
                "panels",
                panels.stream()
                        .map(HomePanel::forCaller)
                        .flatMap(Optional::stream)
                        .toList());
        return "home";
    }
}
