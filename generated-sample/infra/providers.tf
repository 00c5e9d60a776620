provider "aws" {
  region = var.region

  # The tag contract with Launchpad: the portal finds this stack's resources, metrics and cost by these
  # tags, so every resource carries them. Resources that belong to a feature add launchpad:feature.
  default_tags {
    tags = {
      "launchpad:service"     = local.service
      "launchpad:team"        = local.team
      "launchpad:environment" = var.environment
    }
  }
}
