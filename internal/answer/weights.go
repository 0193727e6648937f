package answer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
)

// Weights score an option's features: one weight a feature, by name. The
// engine's table is weights.json, fitted by cmd/train from labelled
// questions; nothing in the engine weighs options otherwise.
type Weights map[string]float64

//go:embed weights.json
var weightsJSON []byte

// weightsFile is weights.json: the weights, and how they were fitted.
type weightsFile struct {
	Weights Weights        `json:"weights"`
	Fitted  map[string]any `json:"fitted,omitempty"`
}

// DefaultWeights returns the weights the engine is built with.
func DefaultWeights() Weights {
	w, err := ParseWeights(weightsJSON)
	if err != nil {
		panic("answer: weights.json: " + err.Error()) // embedded: a build-time mistake, caught by every test
	}
	return w
}

// ParseWeights reads a weights file; a weight for a feature the engine
// does not have is an error naming it.
func ParseWeights(data []byte) (Weights, error) {
	var f weightsFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	for name := range f.Weights {
		if !slices.Contains(featureNames, name) {
			return nil, fmt.Errorf("no feature %q", name)
		}
	}
	return f.Weights, nil
}

// vector returns the weights in feature order.
func (w Weights) vector() []float64 {
	v := make([]float64, len(featureNames))
	for i, n := range featureNames {
		v[i] = w[n]
	}
	return v
}

// scorer is a weights table ready to score feature vectors.
type scorer []float64

func (s scorer) score(f []float64) float64 {
	t := 0.0
	for i, x := range f {
		t += s[i] * x
	}
	return t
}
