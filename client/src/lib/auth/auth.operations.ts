// The operations of one's own session: who am I, sign in and out, change my password.
import { graphql } from '../gql';

export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    roles
    permissions
    mustChangePassword
    user {
      id
      username
      displayName
      poolingArea
      grants {
        role
        poolingArea
        agency {
          id
          name
        }
        assessmentOrg {
          id
          name
        }
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...ViewerFields
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      ...ViewerFields
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
