package io.knag.identity;

/** What login and refresh answer: a short-lived access token and a single-use refresh token. */
public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    @Override
    public String toString() {
        return "TokenPair[accessToken=***, refreshToken=***, expiresIn=" + expiresIn + "]";
    }
}
