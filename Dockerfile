# The Uketsuke API image: the official Open Liberty kernel image plus our configuration and WAR.
# Build the WAR first (the image build does not run Maven):
#   mvn -B -ntp -DskipTests -DskipITs package
#   docker build -t uketsuke:$(git rev-parse --short HEAD) .
# The Liberty version in the tag matches version.openliberty in pom.xml; bump both together.
FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi

# Server configuration first: features.sh installs the features server.xml lists, in their own
# layer, so a new WAR does not download features again.
COPY --chown=1001:0 liberty/ /config/
RUN features.sh

COPY --chown=1001:0 target/uketsuke.war /config/apps/

# Logs as JSON on the console, for the cluster's log pipeline. Set here rather than in the
# Deployment because they describe the image, not the cluster: any container runtime gets
# structured logs, and a Deployment can still override them. Access-log entries take their fields
# from server.xml's logFormat, so each carries the request id and tenant as ext_request_id and
# ext_tenant, like the application's own lines.
ENV WLP_LOGGING_CONSOLE_FORMAT=JSON \
    WLP_LOGGING_CONSOLE_LOGLEVEL=info \
    WLP_LOGGING_CONSOLE_SOURCE=message,trace,accessLog,ffdc,audit \
    WLP_LOGGING_JSON_ACCESS_LOG_FIELDS=logFormat

# Applies the image's fixes and builds the class-data-sharing layer for faster starts.
RUN configure.sh

USER 1001
EXPOSE 9080
