package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.compromiso.CompromisoApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

// a service of its own, in a JVM of its own (pom.xml: surefire execution own-service-tests)
@Tag("own-service")
class AdminPasswordCheckTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            admin, '',                       no admin password is set
            admin, admin,                    the admin password is a well-known default
            admin, demo,                     the admin password is a well-known default
            admin, ChangeMe,                 the admin password is a well-known default
            ana,   ANA,                      the admin password is a well-known default
            admin, short-pw,                 the admin password is shorter than 12 characters
            '',    'long enough password',   no admin user id is set
            """)
    void refusesUnsafePasswords(String user, String password, String problem) {
        assertThat(AdminPasswordCheck.problemWith(user, password)).isEqualTo(problem);
    }

    @Test
    void acceptsALongUnknownPassword() {
        assertThat(AdminPasswordCheck.problemWith("admin", "correct horse battery staple")).isNull();
    }

    @Test
    void productionModeWithoutPasswordFailsFastAndSaysWhatToSet() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CompromisoApplication.class)
                .profiles("prod")
                .run("--camunda.bpm.admin-user.password="))
                .isInstanceOf(AdminPasswordCheck.UnsafeAdminPasswordException.class)
                .hasMessageContaining("no admin password is set");
    }
}
