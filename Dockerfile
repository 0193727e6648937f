# careerbot as a container: one static binary on distroless (CA certificates
# for Discord's and Slack's HTTPS, no shell, a non-root user).
#
#   docker build -t careerbot .
#   docker run -p 8080:8080 -v $PWD/config.toml:/etc/careerbot/config.toml:ro \
#     -e DISCORD_BOT_TOKEN -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET careerbot
#
# The config must listen on all interfaces: [http] listen = "0.0.0.0:8080".
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /careerbot ./cmd/careerbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /careerbot /careerbot
EXPOSE 8080
# docker stop sends SIGTERM: /readyz fails, the drain runs, then exit 0.
# Give it shutdown_drain + shutdown_timeout: docker stop -t 30.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/careerbot"]
CMD ["serve", "--config", "/etc/careerbot/config.toml"]
