terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # data.aws_region's region attribute is 6.x; the calling stack pins the exact range.
      version = ">= 6.28"
    }
  }
}
