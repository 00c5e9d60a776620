terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Budget tags arrived in 5.x; the calling stack pins the exact range.
      version = ">= 6.28"
    }
  }
}
