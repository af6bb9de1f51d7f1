# Production-style image of the hub. Build: docker build -t adapthub .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/adapthub adapthub && mkdir -p /data && chown adapthub /data
USER adapthub
COPY --from=build /src/hub-web/target/adapthub.jar /opt/adapthub/adapthub.jar
ENV HUB_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/adapthub/adapthub.jar"]
