package main

import (
	"encoding/json"
	"net/http"
)

type paymentRequest struct {
	AmountMinor int64  `json:"amount_minor"`
	Currency    string `json:"currency"`
}

func handlePayment(w http.ResponseWriter, r *http.Request) {
	var req paymentRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.AmountMinor <= 0 {
		http.Error(w, "invalid payment", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
