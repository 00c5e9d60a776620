terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The lower bound of the wrapped sns module; the calling stack pins the exact range.
      version = ">= 6.28"
    }
  }
}
