-- One database and one owner role per service, as in Kubernetes where each has its own CloudNativePG cluster.
-- Development passwords, equal to the services' defaults. (Keycloak runs in dev mode with its own storage.)
CREATE ROLE catalog LOGIN PASSWORD 'catalog';
CREATE DATABASE catalog OWNER catalog;
CREATE ROLE localization LOGIN PASSWORD 'localization';
CREATE DATABASE localization OWNER localization;
CREATE ROLE billing LOGIN PASSWORD 'billing';
CREATE DATABASE billing OWNER billing;
