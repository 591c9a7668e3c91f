// Starts fixture.mjs (node) as a child process and stops it again: the
// fixture listens on 127.0.0.1 only, on a port it picks, and says where on
// its first line of output; it stops when its stdin closes, so it goes even
// when this process dies without running the destructor.
#pragma once

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace cfdo_tests {

class fixture_process {
public:
    /// Runs `node fixture REQUEST` with `token` as CLOUDFLARE_API_TOKEN and
    /// waits for its first line. A fixture that cannot start throws with
    /// the message the fixture gives (Miniflare's own).
    fixture_process(std::string const& node, std::string const& fixture, std::string const& request_file,
                    std::string const& token) {
        int to_child[2];
        int from_child[2];
        if (pipe(to_child) != 0 || pipe(from_child) != 0)
            throw std::runtime_error("pipe: " + std::string(std::strerror(errno)));
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
        for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]})
            posix_spawn_file_actions_addclose(&actions, fd);

        std::vector<std::string> environment{"CLOUDFLARE_API_TOKEN=" + token};
        for (char** variable = environ; *variable != nullptr; ++variable)
            if (std::strncmp(*variable, "CLOUDFLARE_API_TOKEN=", 21) != 0) environment.emplace_back(*variable);
        std::vector<std::string> arguments{node, fixture, request_file};
        auto const pointers = [](std::vector<std::string>& strings) {
            std::vector<char*> out;
            for (auto& s : strings) out.push_back(s.data());
            out.push_back(nullptr);
            return out;
        };
        auto argv = pointers(arguments);
        auto envp = pointers(environment);
        int const spawned = posix_spawn(&pid_, node.c_str(), &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        close(to_child[0]);
        close(from_child[1]);
        stdin_ = to_child[1];
        stdout_ = from_child[0];
        if (spawned != 0) {
            pid_ = -1;
            stop();
            throw std::runtime_error("cannot run " + node + ": " + std::strerror(spawned));
        }
        try {
            read_announcement();
        } catch (...) {
            stop();
            throw;
        }
    }

    fixture_process(fixture_process const&) = delete;
    fixture_process& operator=(fixture_process const&) = delete;
    ~fixture_process() { stop(); }

    /// Cloudflare's API root, served by the fixture: `http://127.0.0.1:PORT/client/v4`.
    std::string api_url;
    /// The Worker: `http://127.0.0.1:PORT/worker`.
    std::string worker_url;

    /// Stops the fixture and waits for it.
    void stop() {
        if (stdin_ >= 0) close(stdin_);
        if (stdout_ >= 0) close(stdout_);
        stdin_ = stdout_ = -1;
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            int status = 0;
            while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            pid_ = -1;
        }
    }

private:
    // Miniflare starts in seconds; this only keeps a wedged start from
    // hanging the test forever.
    static constexpr int startup_limit_ms = 180'000;

    void read_announcement() {
        std::string line;
        for (;;) {
            pollfd readable{stdout_, POLLIN, 0};
            int const ready = poll(&readable, 1, startup_limit_ms);
            if (ready < 0 && errno == EINTR) continue;
            if (ready == 0) throw std::runtime_error("the Miniflare fixture said nothing for 180 s");
            char c = 0;
            ssize_t const got = read(stdout_, &c, 1);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) throw std::runtime_error("the Miniflare fixture exited before it was ready: " + line);
            if (c == '\n') break;
            line += c;
        }
        boost::json::value announcement;
        try {
            announcement = boost::json::parse(line);
        } catch (std::exception const&) {
            throw std::runtime_error("the Miniflare fixture said something else than JSON: " + line);
        }
        auto const& said = announcement.as_object();
        if (auto const* error = said.if_contains("error"))
            throw std::runtime_error("Miniflare did not start: " + std::string(error->as_string()));
        api_url = std::string(said.at("api").as_string());
        worker_url = std::string(said.at("worker").as_string());
    }

    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
};

} // namespace cfdo_tests
