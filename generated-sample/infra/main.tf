locals {
  service = "order-service"
  team    = "commerce"

  # Every name in this stack starts with <service>-<environment>-, which is how the portal tells what
  # belongs to it.
  name_prefix = "${local.service}-${var.environment}"

  # Built at the project root by mvn package; all three functions run from this one artifact.
  package = "${path.module}/../target/order-service.zip"
}
